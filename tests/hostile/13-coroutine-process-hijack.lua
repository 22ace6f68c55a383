-- Takes a process's own coroutine and resumes or closes it from a timer
-- while it waits, calls wait() from a coroutine inside a process, yields
-- a process with coroutine.yield, waits inside a sort comparator, and
-- spawns a thousand processes.  Expected: wait() refuses to run outside
-- its process, the woken dead process is an error, the exercise goes on.
scenario {
  id = "hostile-13", title = "Hostile 13: hijacking processes",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

process(function()
  state.victim = coroutine.running()
  wait("30m")
  log("victim woke at", now())
end)
at("20m", function()
  log("status:", coroutine.status(state.victim))
  log("resumed from a timer:", coroutine.resume(state.victim))
  log("status:", coroutine.status(state.victim))
end)
at("25m", function() log("close:", coroutine.close(state.victim)) end)
process(function()
  local inner = coroutine.wrap(function() wait("1m") end)
  inner()
end)
process(function()
  coroutine.yield("sneaky")
  log("never")
end)
process(function()
  local ok, err = pcall(wait, "5m")
  log("wait in pcall:", ok, err, now())
  table.sort({ 2, 1 }, function(a, b) wait("1m") return a < b end)
end)
process(function()
  wait("40m")
  local n = 0
  for i = 1, 1000 do process(function() n = n + 1 end) end
  wait("1m")
  log("spawned:", n)
  local d = await("alert")
  log("awaited:", d.choice, d.t, now())
  local id = "nosuch"
  await(id)
end)
at("1h50m", function() log("still running") end)
