-- A handler that fires again the inject it handles, to a role that
-- answers at once: ack, fire, ack, fire... at one instant of the clock
-- for ever, each callback tiny, each delivery kept outside the Lua
-- budget (50 MB a second).  Expected: stopped at that instant with an
-- error at the handler's line, and the exercise goes on.
scenario {
  id = "hostile-58", title = "Hostile 58: a handler ping-pong",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "0s" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
}

on("ack", "alert", function() fire("alert") end)
at("1h50m", function() log("still running") end)
