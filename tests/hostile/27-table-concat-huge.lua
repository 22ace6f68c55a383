-- table.concat of a million strings with a 100-byte separator, over a
-- range to math.maxinteger, over a table whose __len lies, and with an
-- __index that makes up the elements.  Expected: the memory budget, or
-- Lua's errors, or the instruction budget for the made-up elements.
scenario {
  id = "hostile-27", title = "Hostile 27: huge table.concat",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  log(pcall(table.concat, {}, "", 1, math.maxinteger))
  log(pcall(table.concat, {}, "", math.maxinteger - 1, math.maxinteger))
  log(pcall(table.concat, { "a" }, "", math.mininteger, 1))
  log(#table.concat({}, "", math.maxinteger, 1), #table.concat({ "a", "b" }, ("-"):rep(10)))
  local liar = setmetatable({ "a" }, { __len = function() return math.maxinteger end })
  log(pcall(table.concat, liar))
end)
at("21m", function()
  local t = setmetatable({}, { __index = function() return "made up" end })
  return table.concat(t, "", 1, 1e9)
end)
at("22m", function()
  local t = {}
  for i = 1, 1e6 do t[i] = "z" end
  return table.concat(t, ("-"):rep(100))
end)
at("1h50m", function() log("still running") end)
