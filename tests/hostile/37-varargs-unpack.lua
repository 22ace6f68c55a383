-- table.unpack over huge ranges, select('#') over 250,000 arguments,
-- select with out-of-range indexes, string.byte, utf8.codepoint and
-- string.char over huge slices.  Expected: Lua's "too many results" and
-- stack errors, or the right count; no crash.
scenario {
  id = "hostile-37", title = "Hostile 37: huge varargs and unpack",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  log(pcall(table.unpack, {}, 1, 1e7))
  log(pcall(table.unpack, {}, math.mininteger, math.maxinteger))
  log(select("#", table.unpack({}, math.maxinteger, math.maxinteger)))
  log(select("#", table.unpack({}, 1, 0)), select("#", table.unpack({}, 5, 1)))
  local t = table.pack(table.unpack({}, 1, 900000))
  log("unpacked:", t.n)
end)
at("21m", function()
  local t = {}
  for i = 1, 250000 do t[i] = i end
  local function count(...) return select("#", ...) end
  log(count(table.unpack(t)), select(-1, table.unpack(t)))
  log(pcall(select, -250001, table.unpack(t)))
  log(pcall(select, 0, 1))
  log(pcall(select, math.mininteger))
  log(select(math.maxinteger, 1, 2))
end)
at("22m", function()
  local s = ("x"):rep(1e6)
  log(pcall(string.byte, s, 1, -1))
  log(pcall(utf8.codepoint, s, 1, -1))
  log(pcall(string.char, table.unpack({}, 1, 300000)))
end)
at("23m", function()
  local function f(...) return f(...) end
  return f(table.unpack({}, 1, 500000))
end)
at("1h50m", function() log("still running") end)
