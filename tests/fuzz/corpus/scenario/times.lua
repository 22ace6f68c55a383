-- Times that cannot happen inside the scenario.
scenario { id = "times", title = "Times", duration = "2h" }
role "soc" { name = "SOC" }
phase "late" { title = "Too late", at = "3h" }
inject "after-end" { at = "T+2h30m", to = "soc", title = "After the end" }
inject "on-time" { at = "2h", to = "soc", title = "At the end" }
inject "no-choices" { at = "1h", to = "soc", title = "Deadline", deadline = "30m" }
inject "zero" {
  at = "1h", to = "soc", title = "Zero deadline",
  choices = { a = "A", b = "B" }, deadline = 0,
}
inject "steer" { at = "1h", to = "soc", title = "Steer", contingency = true }
inject "negative" { at = -60, to = "soc", title = "Before T+0" }
