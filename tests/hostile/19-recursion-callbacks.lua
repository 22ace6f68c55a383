-- Recursion through the callbacks library functions make: gsub calling
-- gsub, a sort comparator that sorts, tostring inside __tostring of
-- print, and gsub with 30,000 callbacks.  Expected: "C stack overflow"
-- for the recursions; the callbacks run under the budget.
scenario {
  id = "hostile-19", title = "Hostile 19: recursion through library callbacks",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  local function g(s) return (s:gsub(".", g)) end
  return g("abc")
end)
at("21m", function()
  local function cmp(a, b) table.sort({ 3, 2, 1 }, cmp) return a < b end
  table.sort({ 3, 2, 1 }, cmp)
end)
at("22m", function()
  local t = setmetatable({}, { __tostring = function(s) print(s) return "x" end })
  print(t)
end)
at("23m", function()
  local s, n = ("x"):rep(100), 0
  for i = 1, 300 do s = s:gsub("x", function(c) n = n + 1 return c end) end
  log("gsub callbacks:", n)
end)
at("24m", function()
  local again
  local lookup = setmetatable({}, { __index = function(_, k) return (again(k)) end })
  again = function(s) return s:gsub("%w+", lookup) end
  return again("x")
end)
at("25m", function()
  local t = {}
  for i = 1, 1000 do t[i] = 1000 - i end
  table.sort(t, function(a, b) while true do end end)
end)
at("1h50m", function() log("still running") end)
