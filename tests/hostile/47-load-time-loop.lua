-- An endless loop at the top level of the file, one that swallows the
-- budget error with pcall, before any handler exists.  Expected: the
-- file does not load: "instruction budget exceeded" at the loop's line,
-- from run and from check alike.
scenario {
  id = "hostile-47", title = "Hostile 47: an endless loop while loading",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

local n = 0
while true do
  pcall(function() while true do n = n + 1 end end)
end
at("1h50m", function() log("never loaded") end)
