-- serve.sh's exercise for forwarding injects under TLP 2.0: an AMBER
-- inject and a RED one to NCSC's incident manager, and a colleague in
-- the same organisation to forward them to.
scenario {
  id = "tlp-forward",
  title = "Forwarding injects",
  start = "2026-03-14T08:00:00Z",
  duration = "6h",
  tlp = "amber",
}

org "ncsc" { name = "NCSC", team = "uk" }

role "ncsc-im"  { name = "NCSC Incident Management", org = "ncsc" }
role "ncsc-ops" { name = "NCSC Operations", org = "ncsc" }

inject "iocs" {
  at = "0m", to = "ncsc-im", from = "NCSC duty officer",
  title = "Indicators from a partner",
  body = "Relay address 203.0.113.7.",
}

inject "source" {
  at = "0m", to = "ncsc-im", from = "Liaison officer", tlp = "red",
  title = "Who the source is",
  body = "Named in confidence: for the incident manager only.",
}
