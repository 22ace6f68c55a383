-- pairs() copies and sorts all the keys on every call, in C, so calling
-- it in a loop costs n log n per call without counting: 100 calls over
-- 100,000 keys take a second here (a million calls, well within the
-- instruction budget, would take hours).  Expected: the budget stops it.
scenario {
  id = "hostile-35", title = "Hostile 35: pairs() in a loop",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  local t = {}
  for i = 1, 100000 do t[i] = i end
  for i = 1, 100 do pairs(t) end
  log("pairs done")
end)
at("1h50m", function() log("still running") end)
