-- Installs __gc finalisers: in setmetatable, as false, through a
-- metatable's own __index, and by adding __gc to a metatable after
-- setmetatable.  Expected: setmetatable refuses them; a __gc added
-- afterwards is never called (Lua only marks objects when the metatable
-- is set), so no code runs at collection time.
scenario {
  id = "hostile-09", title = "Hostile 09: __gc finalisers",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function() setmetatable({}, { __gc = function() log("finaliser ran") end }) end)
at("21m", function() setmetatable({}, { __gc = false }) end)
at("22m", function()
  setmetatable({}, setmetatable({}, { __index = function(_, k)
    if k == "__gc" then return print end
  end }))
end)
at("23m", function()
  local mt = {}
  setmetatable({}, mt)
  mt.__gc = function() state.ran = true end
  local junk = {}
  for i = 1, 300000 do junk[i % 100 + 1] = { i } end
end)
at("24m", function()
  local junk = {}
  for i = 1, 300000 do junk[i % 100 + 1] = { i } end
  log("a finaliser added after setmetatable ran:", state.ran == true)
end)
at("1h50m", function() log("still running") end)
