-- wait() where a process cannot pause (inside table.sort's comparison,
-- under pcall) used to schedule its wake-up before the pause failed; the
-- wake-up stayed, and since process slots are reused it woke another
-- process early.  Expected: the pause is refused before anything is
-- scheduled, and the later process wakes on time (4830 s).
scenario {
  id = "hostile-59", title = "Hostile 59: a wake-up left behind",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

process(function()
  log(pcall(table.sort, { 1, 2, 3 }, function() wait(60) end))
  log(pcall(table.sort, { 1, 2, 3 }, function() wait(120) end))
end)
at("20m30s", function() process(function() wait(3600) log("woke at", now()) end) end)
process(function()
  wait("5m")
  pcall(table.sort, { 1, 2 }, function() await("alert") end)
  wait(3600)
  log("after the failed await, woke at", now())
end)
