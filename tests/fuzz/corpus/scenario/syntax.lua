-- A syntax error stops loading: it is the only problem reported.
scenario { id = "syntax", title = "Syntax" }
role "soc" { name = "SOC" }
inject "alert" { at = "1m", to = "soc", title = "Alert"
inject "next" { at = "2m", to = "soc", title = "Next" }
