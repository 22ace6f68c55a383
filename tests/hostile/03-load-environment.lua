-- Calls load() with its own environment (a table, nil, _G), reads the
-- forbidden globals from loaded code, and forges a chunk name.  Expected:
-- the environment argument is refused whatever its value; loaded code
-- runs in the scenario's own environment and meets the same strict
-- globals.  A chunk name starting with '@' can make an error look as if
-- it came from another file (it reads nothing).
scenario {
  id = "hostile-03", title = "Hostile 03: load with another environment",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function() return load("return io", "=x", "t", { io = "sneaky" }) end)
at("21m", function() return load("return 1", "=x", "t", nil) end)
at("22m", function()
  log(load("return _ENV")() == _G, load("return _G")() == _G)
  log(pcall(load("return io")))
  log(pcall(load("return _ENV.os")))
  log(pcall(load("local _ENV = {} return print")))
end)
at("23m", function()
  load("from_load = 41")()
  log("loaded code sets the scenario's own globals:", from_load + 1)
end)
at("24m", function() load("error('a forged position')", "@/etc/passwd")() end)
at("1h50m", function() log("still running") end)
