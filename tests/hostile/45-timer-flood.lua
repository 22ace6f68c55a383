-- every(0.001) in a 30-day exercise: 2.6 billion callbacks, each well
-- within its budget, about 4 minutes of wall time here (a year: an hour);
-- nothing bounds the work of a whole run.  Expected: the run is stopped
-- with an error at the every() line.
scenario {
  id = "hostile-45", title = "Hostile 45: a 1 ms timer for 30 days",
  start = "2026-03-14T08:00:00Z", duration = "30d",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

local n = 0
every(0.001, function() n = n + 1 end)
at("29d", function() log("callbacks:", n) end)
