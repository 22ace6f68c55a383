-- table.move copies element by element in C without running a Lua
-- instruction, so the count hook never fires: 50 million empty slots take
-- a second here, and table.move({}, 1, math.maxinteger // 2, 1, {}) never
-- returns.  Expected: the budget stops it.
scenario {
  id = "hostile-32", title = "Hostile 32: table.move over a huge range",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  table.move({}, 1, 5e7, 1, {})
  log("table.move done")
end)
at("21m", function()
  log(pcall(table.move, {}, math.mininteger, math.maxinteger, 1))
  log(pcall(table.move, {}, 1, math.maxinteger, 2))
end)
at("1h50m", function() log("still running") end)
