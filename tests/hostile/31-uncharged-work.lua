-- The instruction budget counts VM instructions, not the work one
-- instruction or library call does: upper() of a 20 MB string, appending
-- to it, a tail call that copies its growing varargs, load() of a 600 KB
-- source.  Each callback below takes about a second here; a million turns
-- (still far below 10 million instructions) would take hours.
-- Expected: each callback is stopped by a budget that counts bytes or
-- time as well as instructions.
scenario {
  id = "hostile-31", title = "Hostile 31: work the budget does not count",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  local s = ("x"):rep(20e6)
  for i = 1, 100 do local u = s:upper() end
  log("upper done")
end)
at("21m", function()
  local s = ("x"):rep(20e6)
  for i = 1, 100 do local u = s .. "y" end
  log("concat done")
end)
at("22m", function()
  local function grow(n, ...)
    if n == 0 then return select("#", ...) end
    return grow(n - 1, 1, ...)
  end
  log("varargs copied:", grow(50000))
end)
at("23m", function()
  local src = ("x = 1 "):rep(100000)
  for i = 1, 100 do load(src) end
  log("load done")
end)
at("1h50m", function() log("still running") end)
