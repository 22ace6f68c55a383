-- table.insert and table.remove shift elements in C from the position
-- to #t; a __len that returns a huge number makes them loop without a
-- Lua instruction (50 million shifts here: a second each; math.maxinteger
-- // 2 never returns).  Expected: the budget stops both.
scenario {
  id = "hostile-33", title = "Hostile 33: table.insert and remove with a lying __len",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

local function liar() return setmetatable({}, { __len = function() return 5e7 end }) end
at("20m", function()
  table.remove(liar(), 1)
  log("table.remove done")
end)
at("21m", function()
  table.insert(liar(), 1, "x")
  log("table.insert done")
end)
at("22m", function()
  log(pcall(table.insert, {}, 5, 1))
  log(pcall(table.remove, {}, 5))
  log(pcall(table.insert, liar(), math.mininteger, 1))
end)
at("1h50m", function() log("still running") end)
