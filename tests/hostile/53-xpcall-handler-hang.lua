-- xpcall's message handler runs again for the budget error the count
-- hook raises, but inside the hook, where Lua disables hooks: a handler
-- that loops is never stopped and the run hangs.  Expected: the budget
-- error reaches the scenario error report; the exercise goes on.
scenario {
  id = "hostile-53", title = "Hostile 53: a message handler that loops",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  xpcall(function() while true do end end, function() while true do end end)
end)
at("1h50m", function() log("still running") end)
