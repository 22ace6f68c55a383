-- The smallest complete scenario: docs/scenario-guide.md walks through it.
-- A water utility's control room sees something odd; do they call the
-- national CSIRT in time?

scenario {
  id = "tutorial",
  title = "Tutorial: the odd setpoint",
  summary = "A water utility sees a chemical dosing setpoint change and "
         .. "decides whether to report it to the national CSIRT.",
  start = "2026-03-14T08:00:00Z",
  duration = "4h",
  tlp = "amber",
}

org "utility" { name = "Riverside Water", team = "uk" }
org "ncsc"    { name = "NCSC", team = "uk", clients = { "utility" } }

role "control-room" { name = "Control room operator", org = "utility",
                      delay = { "2m", "10m" } }
role "ncsc-im"      { name = "NCSC Incident Management", org = "ncsc" }

objective "report-early" {
  text = "Report the incident to the national CSIRT within 1 hour",
  capability = "Intelligence and Information Sharing",
}

phase "detect"  { title = "Detection", at = "0m" }
phase "respond" { title = "Response",  at = "1h" }

inject "setpoint" {
  at = "10m", to = "control-room", from = "SCADA alarm",
  title = "Sodium hydroxide setpoint raised 100x",
  body = [[The HMI shows the dosing setpoint changed from 100 ppm to
11,100 ppm at 08:09 from a remote session. Nobody on shift made it.]],
  choices = { report = "Revert, go manual and report to NCSC",
              revert = "Revert and keep it in-house" },
  deadline = "45m",
  expect = "Operator reverts, cuts remote access and reports to NCSC",
  objective = "report-early",
}

inject "ncsc-call" {
  to = "ncsc-im", from = "Riverside Water",
  title = "Water utility reports a remote setpoint change",
  body = "Riverside Water reports an unauthorised remote change to dosing.",
}

inject "press-query" {
  to = "control-room", from = "Local newspaper", contingency = true,
  title = "Reporter asks about 'poisoned water'",
  body = "A reporter has heard the water was poisoned. Is it safe to drink?",
}

on("decision", "setpoint", function(d)
  if d.choice == "report" and not d.late then
    met("report-early", "reported at T+" .. d.t // 60 .. "m")
    fire("ncsc-call")
  else
    missed("report-early", "not reported within the hour")
    after("30m", function() fire("press-query") end)
  end
end)

on("timeout", "setpoint", function()
  log("No decision on the setpoint within 45 minutes")
end)

hotwash {
  "When would your team have called the national CSIRT in real life?",
  "Who can authorise cutting remote access to the control system?",
}
