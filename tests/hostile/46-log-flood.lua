-- log() of a 4 MB string 100 times in one callback: each record is
-- kept in memory (the headless run commits its journal every 512
-- records) and written to the journal and both reports, so the process
-- needs twice the logged bytes (800 MB), outside the 64 MiB budget, and
-- the disk three times; a loop of 10,000 would need 80 GB.
-- Expected: the log lines are bounded (the callback is stopped at the
-- log() line).
scenario {
  id = "hostile-46", title = "Hostile 46: logging without limit",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  local s = ("x"):rep(4e6)
  for i = 1, 100 do log(s) end
end)
at("1h50m", function() log("still running") end)
