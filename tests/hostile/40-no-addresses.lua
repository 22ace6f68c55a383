-- Every way a value can turn into text: tostring and print of tables,
-- functions (Lua and C), threads and timer handles, string.format's %s
-- with widths and %p with flags, %q, __name, error messages about
-- tables and functions.  Expected: small numbers ("table: #1"), never
-- an address; %p refused.
scenario {
  id = "hostile-40", title = "Hostile 40: tostring without addresses",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  local h = after("1m", function() end)
  local co = coroutine.create(function() end)
  log(tostring({}), tostring(print), tostring(log), tostring(co), tostring(h),
    tostring(coroutine.running()))
  log(string.format("%s|%10s|%-12s|%.5s", {}, print, co, h))
  print(print, {}, nil, true, 1.5, co)
  log(tostring(setmetatable({}, { __name = "Secret" })))
  log(("%5.2s|"):format({}), ("%a"):format(1.0))
  local keys = {}
  for k in pairs({ [print] = 1, [{}] = 2, [co] = 3, [h] = 4 }) do keys[#keys + 1] = tostring(k) end
  log(table.concat(keys, " "))
end)
at("21m", function()
  log(pcall(string.format, "%p", {}))
  log(pcall(string.format, "%10p", print))
  log(pcall(string.format, "%-p", print))
  log(pcall(string.format, "%q", {}))
  log(pcall(string.format, "%q", print))
  log(string.format("%q", 1/0), string.format("%q", math.mininteger))
  log(pcall(string.format, "%099999d", 1))
  log(pcall(string.format, "%y", 1))
end)
at("22m", function()
  log(pcall(function() return {} .. "" end))
  log(pcall(function() return #print end))
  log(pcall(function() return print < print end))
  log(pcall(function() return {} + 1 end))
  log(pcall(table.concat, { {} }))
  log(pcall(setmetatable, {}, print))
  log(pcall(string.rep, {}, 1))
end)
at("23m", function() error(print) end)
at("24m", function() print.x = 1 end)
at("25m", function() return math.huge < {} end)
at("1h50m", function() log("still running") end)
