-- Tries to turn functions into bytecode with string.dump, under every
-- name it might hide behind.  Expected: string.dump does not exist, so each
-- call is a scenario error at its line and the exercise goes on.
scenario {
  id = "hostile-01", title = "Hostile 01: string.dump",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

local at_load = pcall(function() return string.dump(print) end)

at("20m", function()
  log("dump:", string.dump, ("").dump, string["du" .. "mp"], at_load)
end)
at("21m", function() return string.dump(print) end)
at("22m", function() return ("x").dump(function() end) end)
at("23m", function()
  local found = 0
  for k in pairs(string) do
    if k:find("dump") then found = found + 1 end
  end
  log("dump-like names in string:", found)
end)
at("1h50m", function() log("still running") end)
