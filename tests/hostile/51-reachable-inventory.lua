-- Walks every table reachable from the environment (in sorted order, as
-- pairs gives it) and every metatable it can ask for, and lists the
-- names and types.  Expected: exactly the documented sandbox; anything
-- new (io, os, debug, load's friends, a raw library table) shows up as
-- a difference.
scenario {
  id = "hostile-51", title = "Hostile 51: everything reachable",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  local function names(t)
    local out = {}
    for k, v in pairs(t) do out[#out + 1] = tostring(k) .. ":" .. type(v):sub(1, 1) end
    return out
  end
  local function show(label, list)
    for i = 1, #list, 10 do
      log(label, table.concat(list, " ", i, math.min(i + 9, #list)))
    end
  end
  show("_G", names(_G))
  for _, lib in ipairs({ "string", "table", "math", "utf8", "coroutine", "state" }) do
    show(lib, names(_G[lib]))
  end
  local mts = {}
  for _, v in ipairs({ "", 1, true, print, _G, string, coroutine.running(),
      after("1h", function() end), state }) do
    mts[#mts + 1] = type(v) .. "=" .. tostring(getmetatable(v))
  end
  show("metatables", mts)
  log(_VERSION)
end)
at("1h50m", function() log("still running") end)
