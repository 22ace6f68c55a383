-- Patterns that backtrack exponentially or quadratically in find, match,
-- gmatch and gsub, %b over 100,000 brackets, back-references, 300
-- optional items, too many captures and malformed patterns.  Expected:
-- "pattern too complex (more than 10000000 steps)" within a fraction of
-- a second, or Lua's pattern errors.
scenario {
  id = "hostile-28", title = "Hostile 28: backtracking patterns",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

local s = ("a"):rep(5000)
at("20m", function() return s:find(".-.-.-.-b") end)
at("21m", function() return s:match("(a*)(a*)(a*)(a*)b") end)
at("22m", function() for w in s:gmatch("a-a-a-a-b") do end end)
at("23m", function() return s:gsub("a*a*a*a*b", "") end)
at("24m", function() return (("("):rep(100000)):find("%b()") end)
at("25m", function() return (("a"):rep(100000)):find("(a+)%1%1b") end)
at("26m", function() return s:find(("a?"):rep(300) .. ("a"):rep(300)) end)
at("27m", function() return s:find(("(a)"):rep(33)) end)
at("28m", function()
  log(pcall(string.find, s, "[a"))
  log(pcall(string.find, s, "%"))
  log(pcall(string.find, s, "(()"))
  log(pcall(string.gsub, s, "a", "%2"))
  log(pcall(string.find, s, "%f"))
  log(pcall(string.gsub, s, "a", function() return {} end))
end)
at("29m", function()
  log(s:find(("a"):rep(4999) .. "b", 1, true), s:find(("a"):rep(2000), 3000, true))
  log(#s:gsub("", "-"), select(2, s:gsub("", "")))
  local n = 0
  for _ in ("ab"):rep(100000):gmatch("()") do n = n + 1 end
  log("positions:", n)
end)
at("1h50m", function() log("still running") end)
