-- Reaches for io, os, debug, package, require and the other globals a
-- sandbox must not have, by name, through _G, _ENV, string keys built at
-- run time and loaded code.  Expected: each is an undefined global.
scenario {
  id = "hostile-07", title = "Hostile 07: forbidden globals",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  local names = { "io", "os", "debug", "package", "require", "dofile", "loadfile",
    "collectgarbage", "rawget", "rawset", "loadstring", "setfenv", "getfenv",
    "module", "newproxy", "gcinfo", "unpack" }
  for _, n in ipairs(names) do
    local ok, err = pcall(function() return _G[n] end)
    log(n, ok, err)
  end
end)
at("21m", function()
  log(string.dump, math.randomseed, table.foreach, coroutine.running ~= nil)
  log(pcall(function() return _ENV["o" .. "s"] end))
  log(pcall(load("return require")))
  log(pcall(load("return package.loaded")))
end)
at("22m", function() return io.open("/etc/passwd") end)
at("23m", function() return os.execute("id") end)
at("24m", function() return debug.getregistry() end)
at("25m", function() return require("io") end)
at("1h50m", function() log("still running") end)
