-- Writes to the library tables through every door: assignment, rawset,
-- table.insert/move into them, setmetatable on them.  Expected: rawset
-- and rawget do not exist, the proxies refuse every write, and the
-- libraries are unchanged afterwards.
scenario {
  id = "hostile-05", title = "Hostile 05: read-only library tables",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function() rawset(string, "upper", print) end)
at("21m", function() return rawget(string, "upper") end)
at("22m", function() table.insert(string, "x") end)
at("23m", function() math.pi = 3 end)
at("24m", function() setmetatable(math, nil) end)
at("25m", function() table.move({ print }, 1, 1, 1, coroutine) end)
at("26m", function() utf8.charpattern = "." end)
at("27m", function()
  log(rawlen(string), #string, next(string), rawequal(string, string), type(string))
  log(math.pi, ("x"):upper(), utf8.charpattern, table.insert ~= nil)
end)
at("1h50m", function() log("still running") end)
