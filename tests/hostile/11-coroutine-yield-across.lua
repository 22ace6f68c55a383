-- Yields where a yield cannot go: across pcall (allowed in Lua 5.4),
-- out of sort comparators, gsub callbacks, metamethods, __pairs and
-- loaded code, and from the main thread of a handler.  Expected: Lua's
-- own errors, returned by coroutine.resume; nothing is left half-run.
scenario {
  id = "hostile-11", title = "Hostile 11: yield across boundaries",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  local co = coroutine.wrap(function()
    local ok, v = pcall(function() return coroutine.yield(1) + 1 end)
    return ok, v
  end)
  log("yield across pcall:", co(), co(41))
end)
at("21m", function()
  local function try(name, f)
    log(name, coroutine.resume(coroutine.create(f)))
  end
  try("sort", function()
    table.sort({ 3, 2, 1 }, function(a, b) coroutine.yield() return a < b end)
  end)
  try("gsub", function() ("abc"):gsub(".", function() coroutine.yield() end) end)
  try("tostring", function()
    tostring(setmetatable({}, { __tostring = function() coroutine.yield() end }))
  end)
  try("pairs", function()
    for _ in pairs(setmetatable({}, { __pairs = function() coroutine.yield() end })) do end
  end)
  try("load", function() load("coroutine.yield('from loaded code')")() end)
  try("index", function()
    return setmetatable({}, { __index = function() coroutine.yield("from __index") end }).x
  end)
end)
at("22m", function()
  log("yield from a handler:", pcall(coroutine.yield, 1))
  log("yieldable:", coroutine.isyieldable())
end)
at("23m", function() coroutine.yield("escape") end)
at("1h50m", function() log("still running") end)
