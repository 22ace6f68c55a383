-- Resumes dead, running and normal coroutines, closes the running one,
-- closes a coroutine from inside the one it resumed, closes twice, and
-- closes coroutines whose to-be-closed variables fail.  Expected: Lua's
-- errors, as values; the handler goes on.
scenario {
  id = "hostile-12", title = "Hostile 12: dead and running coroutines",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  local co
  co = coroutine.create(function() return coroutine.resume(co) end)
  log("resume itself:", coroutine.resume(co))
  log("resume dead:", coroutine.resume(co))
  local w = coroutine.wrap(function() end)
  w()
  log("call a dead wrap:", pcall(w))
  log("close the running one:", pcall(coroutine.close, coroutine.running()))
  log("resume the main one:", coroutine.resume(coroutine.running()))
end)
at("21m", function()
  local outer
  outer = coroutine.create(function()
    local inner = coroutine.create(function() return coroutine.close(outer) end)
    return coroutine.resume(inner)
  end)
  log("close a normal one:", coroutine.resume(outer))
  local c = coroutine.create(function()
    local x <close> = setmetatable({}, { __close = function() error("close failed") end })
    coroutine.yield()
  end)
  coroutine.resume(c)
  log("close, failing __close:", coroutine.close(c))
  log("close again:", coroutine.close(c), coroutine.status(c))
end)
at("22m", function()
  local depth = 0
  local function nest()
    depth = depth + 1
    local co = coroutine.create(nest)
    local ok = coroutine.resume(co)
    coroutine.close(co)
    return ok
  end
  log("nested create/resume/close:", pcall(nest), depth > 100)
end)
at("1h50m", function() log("still running") end)
