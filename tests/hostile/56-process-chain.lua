-- A process that starts a process that starts a process, each at once:
-- the clock never moves on, and each takes a slot.  Expected: stopped at
-- one instant with an error at the process() line, and the slots reused
-- by later processes (the run ends normally).
scenario {
  id = "hostile-56", title = "Hostile 56: processes starting processes",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

local function spawn() process(spawn) end
at("30m", function() process(spawn) end)
local n = 0
every("1m", function() process(function() wait("30s") n = n + 1 end) end)
at("1h50m", function() log("still running; short processes:", n) end)
