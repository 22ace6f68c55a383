-- Not an attack, a heavy scenario: 36 MB of tables kept in state, past
-- half the memory budget, then a timer every minute for two days.  The
-- sandbox once made a full collection of that heap before every
-- callback (about 20 ms each: a minute for this file).  Expected: it
-- runs in well under the 10 s below, with no error.
scenario {
  id = "hostile-60", title = "Hostile 60: a big live heap",
  start = "2026-03-14T08:00:00Z", duration = "2d",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

state.big = {}
for i = 1, 500000 do state.big[i] = { i } end
local ticks = 0
every("1m", function() ticks = ticks + 1 end)
at("47h59m30s", function() log("ticks:", ticks, "kept:", #state.big) end)
