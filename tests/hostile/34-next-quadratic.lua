-- The sandbox's next() finds the smallest key greater than the last by
-- scanning the whole table, so a for-in over next is quadratic: 10,000
-- keys take 3 s here, in about 50,000 instructions (200,000 keys would
-- take 20 minutes).  Expected: the loop finishes at once, as pairs()
-- does (or the budget stops it).
scenario {
  id = "hostile-34", title = "Hostile 34: next() in a loop",
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
  for i = 1, 10000 do t[i] = i end
  local n = 0
  for k in next, t do n = n + 1 end
  log("next visited", n)
end)
at("1h50m", function() log("still running") end)
