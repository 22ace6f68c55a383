-- setmetatable refuses __mode (weak tables: their contents would depend
-- on garbage collection), but Lua reads __mode at every collection, so
-- adding it to the metatable afterwards makes the table weak all the
-- same.  Expected: the table keeps its 1000 entries (or the write is
-- refused); today they are collected.
scenario {
  id = "hostile-10", title = "Hostile 10: __mode after setmetatable",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  local mt = {}
  local t = setmetatable({}, mt)
  mt.__mode = "k"
  for i = 1, 1000 do t[{}] = i end
  local junk = {}
  for i = 1, 300000 do junk[i % 100 + 1] = { i } end
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  log("entries kept:", n)
end)
at("1h50m", function() log("still running") end)
