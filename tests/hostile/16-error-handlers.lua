-- Message handlers and to-be-closed variables that fail or loop while an
-- error unwinds, and a loop that swallows the budget error with xpcall
-- (a message handler that loops is 53-xpcall-handler-hang).
-- Expected: the budget stops the loops and cannot be swallowed; failing
-- handlers give Lua's errors.
scenario {
  id = "hostile-16", title = "Hostile 16: xpcall handlers and __close",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("21m", function() log(xpcall(error, function(m) error(m) end, "x")) end)
at("22m", function()
  log(xpcall(function()
    local x <close> = setmetatable({}, { __close = function() error("close") end })
    error("body")
  end, function(m) return "handled: " .. tostring(m) end))
end)
at("23m", function()
  while true do
    xpcall(function() while true do end end, function() return "swallowed" end)
  end
end)
at("24m", function()
  local ok, e = pcall(function()
    local x <close> = setmetatable({}, { __close = function() while true do end end })
    error("first")
  end)
  log("after a looping __close:", ok, e)
end)
at("25m", function() log(xpcall(error, xpcall, "x")) end)
at("1h50m", function() log("still running") end)
