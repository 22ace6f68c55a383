-- References to ids that are declared nowhere.
scenario { id = "unknown-refs", title = "Unknown references", duration = "8h" }
org "ncsc" { name = "NCSC", clients = { "grid", "bank" } }
org "grid" { name = "Grid operator" }
role "soc" { name = "Grid SOC", org = "grid" }
role "ncsc-im" { name = "NCSC IM", org = "nscs" }
objective "share" { text = "Share indicators" }

inject "alert" {
  at = "15m", to = { "soc", "grid-soc" }, title = "Alert",
  choices = { escalate = "Report to NCSC", watch = "Keep monitoring" },
  deadline = "45m", objective = "share-early", phase = "detection",
}
inject "call" { to = "ncsc-im", title = "Call" }

on("decision", "alert", function(d)
  if d.choice == "escalte" then
    fire("cal")
  elseif "watch" == d.choice then
    met("shared")
  end
end)
on("timeout", "alret", function() missed("share") end)
on("ack", "call", function() fire "calls" end)
process(function()
  local d = await("alarm", "1h")
end)
-- an id built at run time is not a literal id: nothing to report here
at("1h", function() fire("al" .. "ert") end)
