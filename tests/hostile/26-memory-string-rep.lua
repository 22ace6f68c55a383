-- string.rep asked for more than the memory budget: directly, under
-- pcall, with a separator, with counts that overflow a size_t, and
-- chained.  Expected: refused before anything is allocated, with
-- "string.rep: the result would exceed the memory budget (64 MiB)";
-- the exercise goes on.
scenario {
  id = "hostile-26", title = "Hostile 26: string.rep bombs",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  log(pcall(string.rep, "ab", 1e12))
  log(pcall(string.rep, "x", math.maxinteger, ""))
  log(pcall(string.rep, "x", 2^62 // 1, ("y"):rep(16)))
  log(pcall(string.rep, ("x"):rep(1000), 1e6))
  log(#("x"):rep(1e6), #("ab"):rep(3, ","))
end)
at("21m", function() return ("x"):rep(1e7):rep(10) end)
at("22m", function() return string.rep("abc", 1e15) end)
at("23m", function() return ("-"):rep(1e9, ("+"):rep(1e3)) end)
at("1h50m", function() log("still running") end)
