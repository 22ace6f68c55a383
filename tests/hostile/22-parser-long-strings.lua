-- Long brackets that nearly close, a long comment of level 40, and, at
-- run time, load() of sources nested a million deep, 300 nested
-- functions, 300 locals, a 300,000-byte long string and an unfinished
-- one.  Expected: the file loads; load() returns Lua's errors at once.
scenario {
  id = "hostile-22", title = "Hostile 22: long brackets and parsing at run time",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

local tricky = [==[ ]] ]=] ]===] ]= = ]
]==]
--[========================================[
  ]=======================================] ]]
  a long comment that nearly closes
--]========================================]
local level0 = [[]]

at("20m", function()
  log(#tricky, #level0)
  local f = load("return " .. ("("):rep(190) .. "1" .. (")"):rep(190))
  log("190 parentheses:", f and f())
  log("1000 parentheses:", load("return " .. ("("):rep(1000) .. "1" .. (")"):rep(1000)))
  log("1000 braces:", load("return " .. ("{"):rep(1000) .. ("}"):rep(1000)))
  log("a million parentheses:", load(("("):rep(1e6)))
  log("300 nested functions:", load(("function f() "):rep(300) .. ("end "):rep(300)))
end)
at("21m", function()
  log(load(("local a; "):rep(300)))
  log("long string:", #load("return [==[" .. ("]=]"):rep(100000) .. "]==]")())
  log(load("return [=[ abc"))
  log(load("return '" .. ("\\"):rep(3)))
  log(load(("a = 1 "):rep(100000) .. "(", "=big"))
end)
at("1h50m", function() log("still running") end)
