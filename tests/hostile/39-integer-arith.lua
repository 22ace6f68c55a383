-- Integer corner cases: math.mininteger // -1 and % -1, division and
-- modulo by zero, float floor division by zero, abs(mininteger), fmod,
-- for loops at the ends of the integer range and with a zero step,
-- conversions that overflow, and random() over the whole range.
-- Expected: Lua 5.4's wrap-around results and errors; no crash (SIGFPE).
scenario {
  id = "hostile-39", title = "Hostile 39: integer overflow and division by zero",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  log(math.mininteger // -1, math.mininteger % -1, math.mininteger * -1, -math.mininteger)
  log(math.maxinteger + 1 == math.mininteger, math.abs(math.mininteger))
  log(pcall(function() return 1 // 0 end))
  log(pcall(function() return 1 % 0 end))
  log(pcall(function() local z = 0 return math.mininteger // z end))
  log(pcall(function() local z = 0 return math.mininteger % z end))
  log(1.0 // 0, -1 // 0.0, 1 % math.huge, -1 % math.huge)
  log(math.fmod(math.mininteger, -1), pcall(math.fmod, 1, 0))
  log(math.ult(-1, 1), 7 >> 64, 7 << 64, -1 >> 1 == math.maxinteger, 1 << 63 == math.mininteger)
end)
at("21m", function()
  local n = 0
  for i = math.maxinteger - 2, math.maxinteger do n = n + 1 end
  local m = 0
  for i = math.mininteger + 2, math.mininteger, -1 do m = m + 1 end
  log("loops at the ends:", n, m)
  log(pcall(function() for i = 1, 10, 0 do end end))
  local k = 0
  for i = math.maxinteger - 1, math.huge do k = k + 1 end
  log("loop to math.huge:", k)
end)
at("22m", function()
  log(math.tointeger(2^63), math.tointeger(-2^63), math.tointeger(3.5))
  log(pcall(string.format, "%d", 2^63))
  log(2^53 | 0, pcall(function() return 2^64 | 0 end))
  log(tonumber("0x7fffffffffffffff"), tonumber("0xffffffffffffffff"), tonumber("9223372036854775808"))
  log(tonumber("1e400"), tonumber("z", 36), tonumber("  -0x10  "), tonumber("1e"))
  log(pcall(tonumber, "10", 99))
  log(string.format("%.3f %g", 2^63, -2^63), math.maxinteger + 0.0 == 2^63)
end)
at("23m", function()
  log(type(random(math.mininteger, math.maxinteger)), type(math.random(math.maxinteger)))
  log(pcall(random, math.maxinteger, math.mininteger))
  log(pcall(random, 0))
  log(pcall(random, 1, 2, 3))
end)
at("24m", function() return math.mininteger // (now() - now()) end)
at("1h50m", function() log("still running") end)
