-- string.pack/unpack/packsize with sizes out of range, lengths that do
-- not fit, alignment that is not a power of 2, data too short, counts
-- near math.maxinteger, a 2 GB "c" field and a million fields; and
-- string.format with huge widths and precisions.  Expected: Lua's
-- errors, the memory budget or the stack limit; no crash.
scenario {
  id = "hostile-49", title = "Hostile 49: string.pack and string.format",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  log(pcall(string.pack, "i17", 1))
  log(pcall(string.pack, "!3i4", 1))
  log(pcall(string.pack, "s1", ("x"):rep(300)))
  log(pcall(string.unpack, "z", "abc"))
  log(pcall(string.unpack, "i4", "", -10))
  log(pcall(string.unpack, "s8", "\255\255\255\255\255\255\255\127"))
  log(pcall(string.unpack, "c9223372036854775807", "abc"))
  log(pcall(string.packsize, "c9223372036854775807c9223372036854775807"))
  log(pcall(string.packsize, "s"))
  log(pcall(string.pack, "i0", 1))
  log(pcall(string.pack, "Xz", 1))
  log(pcall(string.unpack, ">i16", "\1" .. ("\0"):rep(15)))
  log(string.unpack("<j", string.pack("<j", math.mininteger)))
  log(pcall(string.pack, "i1", 128))
end)
at("21m", function()
  log(#string.format("%99.99f", 1e308), #string.format("%99.99f", -1e308))
  log(pcall(string.format, "%100d", 1))
  log(pcall(string.format, "%.100f", 1))
  log(pcall(string.format, "%", 1))
  log(#string.format("%5s", ("x"):rep(1e6)))
  log(#string.pack(("x"):rep(5000000)))
  log(pcall(string.unpack, ("i1"):rep(1000000), ("\0"):rep(1000000)))
end)
at("22m", function() return string.pack("c2000000000", "") end)
at("1h50m", function() log("still running") end)
