-- string.rep loops that produce nothing: an empty string 10^15 times,
-- empty with an empty separator, zero, negative and math.mininteger
-- counts, and a million small reps in one callback.  Expected: the empty
-- results come back at once; the loop stays within the budget.
scenario {
  id = "hostile-30", title = "Hostile 30: string.rep stalls",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  log(#string.rep("", 1e15), #string.rep("", 1e15, ""), #("x"):rep(0),
    #("x"):rep(-5), #("x"):rep(math.mininteger), #("x"):rep(1, "sep"))
  log(pcall(string.rep, "", 1e15, "x"))
  log(pcall(string.rep, "x", 1.5))
  log(#("x"):rep("1e3"), pcall(string.rep, "x", "many"))
end)
at("21m", function()
  local n = 0
  for i = 1, 1e6 do n = n + #("ab"):rep(3) end
  log("small reps:", n)
end)
at("22m", function()
  local n = 0
  while true do n = n + #(""):rep(1e15) end
end)
at("1h50m", function() log("still running") end)
