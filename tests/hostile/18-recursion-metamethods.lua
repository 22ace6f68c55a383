-- Recursion through __index, __eq, __concat, __tostring and __len, an
-- __index chain that loops and one 100,000 tables long.  Expected: "C
-- stack overflow" or "'__index' chain too long", at once.
scenario {
  id = "hostile-18", title = "Hostile 18: recursion through metamethods",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  local t = setmetatable({}, {})
  getmetatable(t).__index = function(s, k) return s[k] end
  return t.x
end)
at("21m", function() local t = {} setmetatable(t, { __index = t }) return t.x end)
at("22m", function()
  local mt = {}
  mt.__eq = function(a, b) return a == b end
  return setmetatable({}, mt) == setmetatable({}, mt)
end)
at("23m", function()
  local mt = {}
  mt.__concat = function(a, b) return a .. b end
  return setmetatable({}, mt) .. "x"
end)
at("24m", function()
  local mt = {}
  mt.__tostring = function(s) return tostring(s) end
  return tostring(setmetatable({}, mt))
end)
at("25m", function()
  local mt = {}
  mt.__len = function(s) return #s + 1 end
  return #setmetatable({}, mt)
end)
at("26m", function()
  local t = {}
  for i = 1, 100000 do t = setmetatable({}, { __index = t }) end
  return t.x
end)
at("27m", function()
  local t = setmetatable({}, { __newindex = function(s, k, v) s[k] = v end })
  t.x = 1
end)
at("1h50m", function() log("still running") end)
