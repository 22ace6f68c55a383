-- Plays with the handles at/after/every return: cancels twice, cancels
-- from inside the timer and from another one, passes tables and strings
-- to cancel, reads and replaces the handle's metatable, keeps handles in
-- state for later.  Expected: cancel answers true once; fakes are
-- refused by type; the metatable is locked.
scenario {
  id = "hostile-50", title = "Hostile 50: timer handles",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  local h = after("1m", function() log("never") end)
  log("cancel:", h:cancel(), h:cancel(), tostring(h))
  log(pcall(h.cancel, {}))
  log(pcall(h.cancel, "x"))
  log(pcall(h.cancel))
  log(getmetatable(h), pcall(setmetatable, h, {}))
  log(type(h), pcall(function() h.cancel = print end))
  local self
  self = every("1m", function() log("every once, cancelled from inside:", self:cancel()) end)
  state.later = after("1h", function() log("never: cancelled from another timer") end)
end)
at("30m", function() log("cancel from another timer:", state.later:cancel()) end)
at("31m", function()
  local hs = {}
  for i = 1, 100000 do hs[i] = after("10h", print) end
  local n = 0
  for i = 1, 100000 do if hs[i]:cancel() then n = n + 1 end end
  log("cancelled:", n)
end)
at("1h50m", function() log("still running") end)
