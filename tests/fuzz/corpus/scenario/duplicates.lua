-- The same id declared twice, in every kind of declaration.
scenario { id = "duplicates", title = "Duplicates" }
scenario { id = "again", title = "Again" }
org "ncsc" { name = "NCSC" }
org "ncsc" { name = "NCSC again" }
role "soc" { name = "SOC" }
role "soc" { name = "SOC again" }
objective "share" { text = "Share" }
objective "share" { text = "Share again" }
phase "detect" { title = "Detection" }
phase "detect" { title = "Detection again" }
inject "alert" { at = "1m", to = "soc", title = "Alert" }
inject "alert" { at = "2m", to = "soc", title = "Alert again" }
inject "bad id!" { at = "3m", to = "soc", title = "Bad id" }
