-- Endless loops written with goto: plain, inside pcall, in a process, in
-- an every() timer, and a repeat that never ends.  Expected: the
-- instruction budget stops each one.
scenario {
  id = "hostile-36", title = "Hostile 36: goto loops",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function() ::again:: goto again end)
at("21m", function()
  ::outer::
  pcall(function() ::inner:: goto inner end)
  goto outer
end)
process(function()
  wait("22m")
  local n = 0
  ::top::
  n = n + 1
  if n > 0 then goto top end
end)
every("1h", function() repeat until false end)
at("24m", function()
  for i = 1, 3 do
    goto continue
    log("never")
    ::continue::
  end
  log("goto continue works")
end)
at("1h50m", function() log("still running") end)
