-- Tampers with the metatable every string shares: reads it, writes its
-- __index, adds metamethods, replaces it, and replaces string functions.
-- Expected: getmetatable("") gives "locked", every write is refused
-- and string methods keep working.
scenario {
  id = "hostile-04", title = "Hostile 04: string metatable",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  log(getmetatable(""), getmetatable("").__index, getmetatable("x") == getmetatable(""))
  log(("abc"):upper(), ("%d-%s"):format(7, "x"), #("ab"):rep(3))
end)
at("21m", function() getmetatable("").__index = {} end)
at("22m", function() setmetatable("", {}) end)
at("23m", function() string.upper = function() return "pwned" end end)
at("24m", function() local mt = getmetatable("") mt.__add = print end)
at("25m", function() log(("x").__index, ("x").upper == string.upper, ("x").dump, ("x")._G) end)
at("26m", function() log(("abc"):upper(), ("abc"):len()) end)
at("1h50m", function() log("still running") end)
