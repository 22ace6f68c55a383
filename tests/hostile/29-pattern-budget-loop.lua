-- The pattern budget is per call (10 million steps) and is not charged
-- to the callback's instruction budget; pcall catches "pattern too
-- complex", so a loop of 100 calls runs a billion steps (a loop of a
-- million would run for hours).  Expected: the callback is stopped once
-- its pattern steps exceed a per-callback budget.
scenario {
  id = "hostile-29", title = "Hostile 29: pattern budget per call",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  local s, gave_up = ("a"):rep(5000), 0
  for i = 1, 100 do
    if not pcall(string.find, s, ".-.-.-.-b") then gave_up = gave_up + 1 end
  end
  log("calls that gave up:", gave_up)
end)
at("1h50m", function() log("still running") end)
