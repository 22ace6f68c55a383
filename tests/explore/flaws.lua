-- A scenario with known flaws, for `ttxsim explore`'s tests: a held
-- inject nothing fires, an objective nothing meets, a deadline shorter
-- than anyone can answer, and a scenario error on one branch.
scenario { id = "flaws", title = "Flaws", duration = "6h" }

org "a" { name = "A" }
role "soc" { name = "SOC", org = "a", delay = { "5m", "10m" } }

objective "reported" { text = "Report it" }
objective "never" { text = "Nothing ever meets this" }

inject "alert" {
  at = "10m", to = "soc", title = "Alert", body = "Something odd.",
  choices = { report = "Report", ignore = "Ignore", crash = "Crash" },
  deadline = "1h",
}

inject "quick" {
  at = "20m", to = "soc", title = "Answer in one minute", body = "Now.",
  choices = { yes = "Yes", no = "No" },
  deadline = "1m",
}

inject "forgotten" {
  to = "soc", title = "Nobody fires this", body = "Dead.",
}

on("decision", "alert", function(d)
  if d.choice == "report" then
    met("reported")
  elseif d.choice == "crash" then
    local t = nil
    log(t.field)    -- the branch with the bug
  else
    missed("reported", "ignored")
  end
end)

-- and a handler that never runs: nothing fires 'forgotten'
on("ack", "forgotten", function()
  log("never: nothing fires 'forgotten'")
end)
