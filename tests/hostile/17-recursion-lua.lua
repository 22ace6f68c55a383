-- Recursion without end: plain, through tail calls, inside a coroutine,
-- with growing arguments, and coroutines nested in coroutines.
-- Expected: "stack overflow", the budget, the memory budget or "C
-- stack overflow"; never a crash.
scenario {
  id = "hostile-17", title = "Hostile 17: deep Lua recursion",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

at("20m", function() local function f(n) return 1 + f(n + 1) end f(1) end)
at("21m", function() local function f() return f() end f() end)
at("22m", function()
  local co = coroutine.wrap(function()
    local function f() return 1 + f() end
    return f()
  end)
  co()
end)
at("23m", function()
  local function f(a, b, c, d, e, g, h, i) return 1 + f(a, b, c, d, e, g, h, i) end
  f()
end)
at("24m", function()
  local function nest(n)
    if n == 0 then return 0 end
    return coroutine.wrap(nest)(n - 1)
  end
  local ok, err = pcall(nest, 500)
  log("500 nested coroutines:", ok, (err:gsub("^.*: ", "")))
end)
at("25m", function()
  local function down(n) if n == 0 then return 0 end return 1 + down(n - 1) end
  log("depth 100000:", pcall(down, 100000))
  log("depth 180000:", down(180000))
end)
at("1h50m", function() log("still running") end)
