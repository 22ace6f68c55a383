-- Memory bombs made of strings: upper() and lower() of a 30 MB string,
-- doubling a string, doubling it under pcall, appending in a loop, and
-- string.format of two 40 MB halves.  Expected: each is stopped with
-- "memory budget exceeded (64 MiB)" or refused by string.rep before it
-- allocates.
scenario {
  id = "hostile-25", title = "Hostile 25: concatenation bombs",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function() local s = ("x"):rep(30e6) local u = s:upper() .. s:lower() end)
at("21m", function() local s = "x" for i = 1, 64 do s = s .. s end end)
at("22m", function()
  local s = "x"
  while true do pcall(function() s = s .. s end) end
end)
at("23m", function()
  local s, chunk = "", ("z"):rep(1e6)
  while true do s = s .. chunk end
end)
at("24m", function() return string.format("%s%s", ("x"):rep(40e6), ("x"):rep(40e6)) end)
at("1h50m", function() log("still running") end)
