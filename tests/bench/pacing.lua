-- The pacing benchmark's scenario: an event every scenario second for
-- twenty minutes, each journaled (a log record), nothing else.  Served at
-- --speed 100 that is an event every 10 ms of wall time; `serve --stats'
-- reports how late each ran.
scenario {
  id = "pacing",
  title = "Pacing benchmark: a tick a second",
  duration = "20m",
}

org "bench" { name = "Bench" }
role "clock" { name = "Clock", org = "bench" }

local n = 0
every("1s", function()
  n = n + 1
  log("tick " .. n)
end)
