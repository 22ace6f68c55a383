-- The utf8 library at its edges: code points out of range, surrogates,
-- overlong and truncated sequences in strict and lax mode, positions past
-- either end and at math.mininteger/maxinteger, continuation bytes, and
-- long strings.  Expected: Lua's errors or fail values; no crash.
scenario {
  id = "hostile-38", title = "Hostile 38: utf8 edge cases",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function()
  log(pcall(utf8.char, -1))
  log(pcall(utf8.char, 0x80000000))
  log(#utf8.char(0x7FFFFFFF), #utf8.char(0x10FFFF, 0, 0x7F, 0x80))
  log(pcall(utf8.codepoint, "\xF4\x90\x80\x80"))
  log(utf8.codepoint("\xF4\x90\x80\x80", 1, 1, true))
  log(pcall(utf8.codepoint, "\xED\xA0\x80"))
  log(pcall(utf8.codepoint, "abc", 0))
  log(utf8.len("\xff"))
  log(utf8.len("abc\xC0\x80"))
  log(utf8.len("\xC0\x80", 1, -1, true))
  log(utf8.len("\xE2\x82"))
end)
at("21m", function()
  log(pcall(utf8.len, "abc", math.mininteger))
  log(pcall(utf8.len, "abc", 5))
  log(pcall(utf8.offset, "abc", 1, 10))
  log(utf8.offset("abc", math.maxinteger), utf8.offset("abc", math.mininteger))
  log(pcall(utf8.offset, "\x80", 1))
  log(pcall(function() for p, c in utf8.codes("ab\xff") do end end))
  log(pcall(function() for p, c in utf8.codes("\xF4\x90\x80\x80") do end end))
  log(utf8.charpattern)
end)
at("22m", function()
  local cps = {}
  for i = 1, 10000 do cps[i] = 0x10FFFF end
  local s = utf8.char(table.unpack(cps))
  log(#s, utf8.len(s), utf8.offset(s, 9999), utf8.offset(s, -1))
  local big = ("\u{10FFFF}"):rep(100000)
  log(utf8.len(big), utf8.offset(big, 99999), #big)
  local n = 0
  for _, c in utf8.codes(big) do n = n + 1 end
  log("codes:", n)
end)
at("1h50m", function() log("still running") end)
