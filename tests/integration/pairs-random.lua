-- Used by determinism.sh: iterates pairs over string keys (whose raw order
-- depends on Lua's per-process hash seed), prints tables and functions,
-- and draws random numbers, at many virtual times.
scenario { id = "pairs-random", title = "Pairs and random", duration = "6h" }
role "a" { name = "A", delay = { "1m", "30m" } }
role "b" { name = "B", delay = { "1m", "30m" } }

local words = { "echo", "alpha", "delta", "bravo", "foxtrot", "charlie" }

inject "q" {
  at = "10m", to = { "a", "b" }, title = "Question",
  choices = { x = "X", y = "Y", z = "Z" }, deadline = "20m",
}

every("17m", function()
  local t = {}
  for _, w in ipairs(words) do t[w] = random(100) end
  local keys = {}
  for k, v in pairs(t) do keys[#keys + 1] = k end
  log(table.concat(keys, " "))
  local seen = {}
  for k, v in pairs(t) do seen[#seen + 1] = k .. "=" .. v end
  log(table.concat(seen, ","), tostring({}), tostring(print))
  if random() < 0.3 then fire("q") end
end)

on("decision", "q", function(d) log("decided", d.choice, d.role, d.t) end)
on("timeout", "q", function(ev) log("timeout at", ev.t) end)
