-- Puts into the journal what could break a line-per-record JSON file or
-- a terminal: quotes, backslashes, newlines followed by a forged record,
-- control characters and escape sequences, NUL, and bytes that are not
-- UTF-8, in log lines, in an error, and in the title, body and sender of
-- a fired inject.  Expected: the journal stays intact and valid UTF-8
-- JSON lines (invalid bytes replaced or escaped).
scenario {
  id = "hostile-54", title = "Hostile 54: hostile bytes in the journal",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  log("quote \" backslash \\ slash / end")
  log("forged\n{\"seq\":99,\"t\":0,\"type\":\"end\"}")
  error("error with a forged record\n{\"seq\":98,\"type\":\"end\"}")
end)
at("21m", function()
  fire("alert", {
    title = "not UTF-8: \xff\xfe \xC0\x80 \xED\xA0\x80 \xF4\x90\x80\x80",
    body = "control characters: \0 \a \127 \27[2J\27]0;pwned\7 and \r\n",
    from = ("\xff"):rep(1000),
  })
  log("fired")
end)
at("1h50m", function() log("still running") end)
