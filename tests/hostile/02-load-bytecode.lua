-- Feeds load() a precompiled chunk (the "\27Lua" signature of Lua 5.4)
-- as a string, with mode "b" and "bt", from a reader function and from an
-- object whose __tostring gives the bytes.  Expected: binary chunks are
-- refused; load returns nil and Lua's message, or raises for the modes and
-- the non-string sources.
scenario {
  id = "hostile-02", title = "Hostile 02: load bytecode",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

local header = "\27Lua\84\0\25\147\r\n\26\n\4\8\8"

at("20m", function()
  log(load(header))
  log(load(header .. ("\0"):rep(64), "=bytes"))
  log(load(header, "=bytes", "t"))
end)
at("21m", function() return load(header, "=bytes", "b") end)
at("22m", function() return load(header, "=bytes", "bt") end)
at("23m", function()
  local parts, i = { header, "" }, 0
  return load(function() i = i + 1 return parts[i] end)
end)
at("24m", function()
  return load(setmetatable({}, { __tostring = function() return header end }))
end)
at("1h50m", function() log("still running") end)
