-- Memory bombs made of tables: an array of tables, one that pcall keeps
-- refilling, string keys, a tree of tables, from at, after, every and a
-- process.  Expected: "memory budget exceeded (64 MiB)" for each, which
-- pcall cannot swallow.
scenario {
  id = "hostile-24", title = "Hostile 24: tables that grow",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function() local t = {} for i = 1, 1e9 do t[i] = { i } end end)
after("21m", function()
  local t = {}
  while true do
    pcall(function() for i = 1, 1e6 do t[#t + 1] = "y" .. i end end)
  end
end)
every("1h", function()
  local t = {}
  for i = 1, 1e9 do t["key number " .. i] = true end
end)
process(function()
  wait("23m")
  local t = {}
  for i = 1, 1e9 do t = { t, t } end
end)
at("1h50m", function() log("still running") end)
