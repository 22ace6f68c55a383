-- A memory bomb stopped by the budget leaves 64 MiB of garbage; the
-- budget counts it, and nothing forces a collection, so every later
-- callback that allocates a megabyte or two is stopped with "memory
-- budget exceeded" too, for the rest of the run.  Expected: only the
-- bomb is stopped; the four innocent callbacks after it run.
scenario {
  id = "hostile-42", title = "Hostile 42: garbage left by a memory bomb",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function() local t = {} for i = 1, 1e9 do t[i] = { i } end end)
at("21m", function() local t = {} for i = 1, 1e5 do t[i] = i end log("innocent 1:", #t) end)
at("22m", function() local t = {} for i = 1, 1e5 do t[i] = { i } end log("innocent 2:", #t) end)
at("23m", function() local s = ("x"):rep(1e6) log("innocent 3:", #s) end)
at("1h", function() local t = {} for i = 1, 1e5 do t[i] = { i } end log("innocent 4:", #t) end)
at("1h50m", function() log("still running") end)
