-- A scenario without a duration ends "when nothing is left to happen",
-- but a repeating timer always has something left: the headless run
-- never ends (and ttxsim check says nothing).  Expected: refused at the
-- every() line, as check would report it.
scenario {
  id = "hostile-44", title = "Hostile 44: a repeating timer without a duration",
  start = "2026-03-14T08:00:00Z",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

every("1h", function() end)
