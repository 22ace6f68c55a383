-- A memory bomb at the top level of the file, made of tables, with the
-- error swallowed by pcall in a loop.  Expected: the file does not load:
-- "memory budget exceeded (64 MiB)" at the bomb's line, from run and
-- from check alike.
scenario {
  id = "hostile-48", title = "Hostile 48: a memory bomb while loading",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

local t = {}
while true do
  pcall(function() for i = 1, 1e9 do t[#t + 1] = { i } end end)
end
at("1h50m", function() log("never loaded") end)
