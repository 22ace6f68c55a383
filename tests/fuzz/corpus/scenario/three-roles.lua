-- The console test's exercise: three roles in three organisations, each
-- with an inject to acknowledge and decide, and a held inject for the
-- facilitator to fire.
scenario {
  id = "three-roles",
  title = "Three roles",
  start = "2026-03-14T08:00:00Z",
  duration = "6h",
  tlp = "amber",
}

org "utility" { name = "Riverside Water", team = "uk" }
org "ncsc"    { name = "NCSC", team = "uk", clients = { "utility" } }
org "cisa"    { name = "CISA", team = "us" }

role "control-room" { name = "Control room", org = "utility" }
role "ncsc-im"      { name = "NCSC Incident Management", org = "ncsc" }
role "us-cisa"      { name = "CISA Central", org = "cisa" }

objective "coordinate" {
  text = "Coordinate the response across the three organisations",
  capability = "Operational Coordination",
}

inject "alert" {
  at = "10m", to = "control-room", from = "SCADA alarm",
  title = "Dosing setpoint changed remotely",
  body = "The setpoint went from 100 to 11,100 ppm at 08:09.",
  choices = { report = "Report to NCSC", wait = "Keep watching" },
  deadline = "1h", objective = "coordinate",
}

inject "ncsc-brief" {
  at = "20m", to = "ncsc-im", from = "NCSC duty officer",
  title = "Utility intrusion: brief the team",
  body = "Indicators: 203.0.113.7, AnyDesk on HMI-02.",
  choices = { deploy = "Send an incident team", advise = "Advise remotely" },
  deadline = "1h",
}

inject "cisa-brief" {
  at = "30m", to = "us-cisa", from = "CISA Central",
  title = "UK partner reports a water intrusion",
  body = "Same remote tool seen at two US utilities last month.",
  choices = { alert = "Issue a sector alert", hold = "Hold for now" },
  deadline = "1h",
}

inject "press-call" {
  to = { "control-room", "ncsc-im", "us-cisa" }, from = "Press desk",
  contingency = true,
  title = "Journalist asks about poisoned water",
  body = "A reporter says the water was poisoned and wants a comment.",
}

hotwash {
  "What would you do differently?",
  "Who else should have been told?",
}
