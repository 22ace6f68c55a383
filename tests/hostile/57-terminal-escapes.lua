-- Escape sequences in every piece of text a scenario controls: its title,
-- an inject's title and sender, a choice's id, a log line, an error
-- message.  Run with -v in a terminal, they would retitle the window,
-- clear the screen or worse.  Expected: they reach stdout and stderr as
-- U+FFFD (the runner fails any case that writes a control character).
scenario {
  id = "hostile-57", title = "Hostile 57: \27]0;pwned\7 \27[2J escapes",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM\27[31m", title = "Odd \27[8m traffic",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function() log("bell \7 escape \27[1;1H C1 \u{9b}2J del \127 tab\tend") end)
at("21m", function() error("\27]0;error title\7 in an error") end)
at("22m", function() fire("alert", { title = "fired \27[5m", from = "x\27" }) end)
at("1h50m", function() log("still running") end)
