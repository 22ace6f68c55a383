-- Raises error objects that fight back: __tostring that loops or errors
-- or returns a number, __index/__concat/__len that loop, nil, numbers,
-- threads, levels past the stack, and prints them.  Expected: the
-- message handler never calls a metamethod ("(error object is a table
-- value)"); printing one runs it under the budget.
scenario {
  id = "hostile-15", title = "Hostile 15: error objects with metamethods",
  start = "2026-03-14T08:00:00Z", duration = "2h",
}
org "victim" { name = "Victim Ltd" }
role "soc" { name = "SOC analyst", org = "victim", delay = "1m" }
inject "alert" {
  at = "10m", to = "soc", from = "SIEM", title = "Odd traffic on the VPN",
  choices = { contain = "Contain the VPN" }, deadline = "30m",
}

local loops = { __tostring = function() while true do end end }
local raises = { __tostring = function() error("nested error in __tostring") end }
local strange = setmetatable({}, {
  __index = function() while true do end end,
  __concat = function() while true do end end,
  __len = function() while true do end end,
  __name = "FakeError",
})
at("20m", function() error(setmetatable({}, loops)) end)
at("21m", function() error(setmetatable({}, raises)) end)
at("22m", function() error(strange) end)
at("23m", function() error() end)
at("24m", function() error(42) end)
at("25m", function() error("deep level", 50) end)
at("26m", function() log(pcall(error, strange)) end)
at("27m", function() log(tostring(setmetatable({}, raises))) end)
at("28m", function() log(setmetatable({}, loops)) end)
at("29m", function() error(setmetatable({}, { __tostring = function() return 42 end })) end)
at("30m", function() log(setmetatable({}, { __tostring = function() return 42 end })) end)
at("31m", function() error(coroutine.create(print)) end)
at("32m", function() local ok, e = pcall(error, strange) return e .. "x" end)
at("1h50m", function() log("still running") end)
