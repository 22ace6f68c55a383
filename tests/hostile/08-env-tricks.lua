-- Replaces the environment's metatable, plants globals through _G, and
-- swaps _ENV for a table that invents os and io.  Expected: the locked
-- metatable cannot be changed; whatever the scenario plants stays in its
-- own environment; a fake _ENV reaches nothing real.
scenario {
  id = "hostile-08", title = "Hostile 08: _G and _ENV",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function() setmetatable(_G, nil) end)
at("21m", function() setmetatable(_G, { __index = function() return "x" end }) end)
at("22m", function()
  log(getmetatable(_G), _G == _ENV, pcall(function() return io == nil end))
end)
at("23m", function()
  local _ENV = setmetatable({}, { __index = function(_, k) return k end })
  return os.execute("id")
end)
at("24m", function()
  _G.io = "planted"
  _G.os = nil
  log("planted:", io)
end)
at("25m", function() log("still planted in this run:", io, pcall(function() return os end)) end)
at("1h50m", function() log("still running") end)
