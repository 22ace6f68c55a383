-- Declarations written the wrong way round.
scenario { id = "shapes", title = "Shapes", start = "14 March 2026" }
role "soc"
role { name = "no id" }
objective "o" "text"
on("decisoin", nil, function() end)
on("decision", "alert", "not a function")
hotwash { "Fine?", 42 }
inject "alert" { at = "1m", to = "soc", title = "Alert", choices = { yes = 1 } }
