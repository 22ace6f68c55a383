-- A runtime error while loading stops there; problems found before it
-- are reported too.
scenario { id = "load-error", title = "Load error" }
role "soc" { name = "SOC", colour = "red" }
local phases = { "detect", "respond" }
for i = 1, #phases do
  phase(phases[i]) { title = phases[i]:upper(), at = (i - 1) * 3600 }
end
inject "alert" { at = "1m", to = "soc", title = "Alert" }
local n = #injects
