-- pairs() on a library table returns, as its second value, the real
-- table behind the read-only proxy: writing to that table changes the
-- library for the rest of the run and for every later run in the same
-- process (ttxsim explore, serve).  Expected: the state value pairs gives
-- is the proxy, so both writes are refused like string.upper = ... is.
scenario {
  id = "hostile-06", title = "Hostile 06: pairs on a library table",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  local _, real = pairs(string)
  log("pairs gives the proxy back:", real == string)
  real.upper = function() return "pwned" end
end)
at("21m", function() log(("abc"):upper()) end)
at("22m", function()
  local _, real = pairs(math)
  real.random = function() return "pwned" end
end)
at("23m", function() log("math.random untouched:", math.random(1, 6) ~= "pwned") end)
at("1h50m", function() log("still running") end)
