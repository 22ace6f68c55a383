-- Calls the declarations (scenario, org, role, inject, objective,
-- phase, hotwash) from a handler, where they could change the exercise
-- under the engine's feet, and reuses a curried declaration.  Expected:
-- each is refused ("declarations are only allowed while the scenario
-- loads").
scenario {
  id = "hostile-52", title = "Hostile 52: declarations at run time",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

local curried = role "extra"
curried { name = "Extra", org = "victim" }
local twice = { pcall(curried, { name = "Twice" }) }

at("20m", function()
  log(pcall(scenario, { id = "again", title = "Again" }))
  log(pcall(function() role "late" { name = "Late" } end))
  log(pcall(function() inject "late" { to = "soc", title = "Late" } end))
  log(pcall(function() org "late" { name = "Late" } end))
  log(pcall(function() objective "late" { text = "Late" } end))
  log(pcall(function() phase "late" { title = "Late" } end))
  log(pcall(hotwash, { "Late?" }))
  log(pcall(curried, { name = "Again" }))
  log(table.unpack(twice))
end)
at("1h50m", function() log("still running") end)
