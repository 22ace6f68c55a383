-- A deadline after ENDEX, for `ttxsim explore`'s tests: 'late-call'
-- arrives ten minutes before the end with two hours to answer, and the
-- SOC takes at least twenty minutes, so the exercise ends with it still
-- open.  Such a delivery counts as "no decision".
scenario { id = "endex", title = "Deadline after ENDEX", duration = "1h" }

org "a" { name = "A" }
role "soc" { name = "SOC", org = "a", delay = { "20m", "30m" } }

inject "early" {
  at = "5m", to = "soc", title = "Early", body = "Answer this.",
  choices = { yes = "Yes", no = "No" },
  deadline = "50m",
}

inject "late-call" {
  at = "50m", to = "soc", title = "Late call", body = "Too late.",
  choices = { yes = "Yes", no = "No" },
  deadline = "2h",
}
