-- The count hook that enforces the instruction budget is copied into each
-- new coroutine with a fresh counter, so code spread over coroutines that
-- each run fewer than 1000 instructions is never counted: 60^3 short
-- coroutines run about 100 million instructions in one callback (60^5:
-- five minutes, 60^6: two days).  coroutine.resume and coroutine.close
-- also catch the budget error and the callback goes on.  Expected: each
-- callback is stopped with the budget error.
scenario {
  id = "hostile-14", title = "Hostile 14: the instruction budget through coroutines",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  local n = 0
  local function burn(depth)
    if depth == 0 then
      for i = 1, 150 do n = n + 1 end
      return
    end
    for k = 1, 60 do coroutine.wrap(burn)(depth - 1) end
  end
  burn(3)
  log("loop turns:", n)
end)
at("21m", function()
  local co = coroutine.create(function() while true do end end)
  log("resume caught the budget error:", coroutine.resume(co))
end)
at("22m", function()
  local co = coroutine.create(function()
    local x <close> = setmetatable({}, { __close = function() while true do end end })
    coroutine.yield()
  end)
  coroutine.resume(co)
  log("close caught the budget error:", coroutine.close(co))
end)
at("1h50m", function() log("still running") end)
