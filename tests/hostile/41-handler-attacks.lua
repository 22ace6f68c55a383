-- The runtime paths: an ack handler that loops, a decision handler that
-- swallows its own errors, a coroutine loop from after(), a process that
-- loops inside pcall and another that awaits and then loops with goto, an
-- every() timer that fails once (and is not repeated), and misuse of the
-- clock and play functions at run time.  Expected: each callback is
-- stopped on its own budget and reported at its line; the others run.
scenario {
  id = "hostile-41", title = "Hostile 41: attacks from handlers, timers and processes",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

on("ack", "alert", function(e) while true do end end)
on("decision", "alert", function(d)
  while true do pcall(function() while true do end end) end
end)
on("decision", nil, function(d) log("second decision handler still runs:", d.choice) end)
on("timeout", nil, function() log("never: decided in time") end)
after("15m", function() coroutine.wrap(function() while true do end end)() end)
local ticks = 0
every("20m", function()
  ticks = ticks + 1
  log("tick", ticks)
  if ticks == 2 then error("tick failed") end
end)
process(function()
  wait("16m")
  while true do pcall(error, "x") end
end)
process(function()
  wait("17m")
  local ok, e = pcall(wait, "1m")
  log("wait in pcall:", ok, e, now())
  local d = await("alert")
  log("await after the decision:", d.choice, d.t)
  wait("1m")
  ::again:: goto again
end)
at("30m", function()
  local h = every("1m", function() log("never") end)
  log("cancel:", h:cancel(), h:cancel())
  log(pcall(every, 0, print))
  log(pcall(every, -1, print))
  log(pcall(after, "soon", print))
  log(pcall(at, "10m", print))
  log(pcall(after, 1e12, print))
  log(pcall(wait, "1m"))
  local id = "nosuch"
  log(pcall(fire, id))
  log(pcall(fire, "alert", { to = "nobody" }))
  log(pcall(fire, "alert", { colour = "red" }))
  log(pcall(on, "explode", nil, print))
end)
at("1h50m", function() log("still running") end)
