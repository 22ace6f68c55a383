-- Some work happens inside a single VM instruction, where no count can
-- see it: comparing two 4 MB strings with <, or turning a 4 MB string of
-- digits into a number for +.  A loop of them runs for hours within its
-- 10 million instructions.  Expected: the wall-time backstop (5 s a
-- callback) stops each loop, and the exercise goes on.
scenario {
  id = "hostile-55", title = "Hostile 55: work inside one instruction",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  local a, b = ("x"):rep(4e6), ("x"):rep(4e6)
  while true do local _ = a < b end
end)
at("21m", function()
  local digits = ("1"):rep(4e6)
  while true do local _ = pcall(function() return digits + 0 end) end
end)
at("1h50m", function() log("still running") end)
