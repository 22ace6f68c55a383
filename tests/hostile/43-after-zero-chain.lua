-- A timer that schedules itself with after(0) runs forever at the same
-- virtual instant, each callback well within its budget: the exercise
-- never ends, and each timer leaves a slot in a C array that is never
-- reused (outside the memory budget: about 80 MB a second here).
-- Expected: the run is stopped with an error at the after() line.
scenario {
  id = "hostile-43", title = "Hostile 43: a timer chain at one instant",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

local function again() after(0, again) end
at("1h", again)
at("1h50m", function() log("still running") end)
