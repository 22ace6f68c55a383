-- Field mistakes a planner makes: each is reported at the field's line.
scenario { id = "bad-fields", title = "Bad fields", duration = "8h" }
role "soc" { name = "SOC", delay = { "20m", "2m" } }
role "press" { name = "Press", public = "yes" }

inject "alert" {
  at = "15m", to = "soc",
  title = "Unusual VPN logins",
  tlp = "orange",
  choices = { escalate = "Report", watch = "Keep monitoring" },
  dealine = "45m",
  deadline = "4 hrs",
}

inject "notitle" {
  at = 3600, to = { "soc", 42 },
  choices = { },
}

inject "list-choices" {
  at = "1h", to = "soc", title = "Pick",
  choices = { { "a", "A" }, { "b" } },
}
