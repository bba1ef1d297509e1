-- Each POST registers a new person: a valid BSN (elfproef) from a counter per thread.
local counter = 0
threads_seen = {}

function setup(thread)
  thread:set("tid", tonumber(os.getenv("WRK_SEED")) * 10 + #threads_seen + 1)
  table.insert(threads_seen, thread)
end

function init(args)
  math.randomseed(tid * 7919)
  base = math.random(10000000, 89999999)
end

local function bsn(n)
  local s = string.format("%08d", n % 100000000)
  local sum = 0
  for i = 1, 8 do sum = sum + tonumber(s:sub(i, i)) * (10 - i) end
  local c = sum % 11
  if c == 10 then return nil end
  return s .. tostring(c)
end

function request()
  local b
  repeat
    counter = counter + 1
    b = bsn(base + counter)
  until b ~= nil and b:sub(1, 1) ~= "0"
  local body = '{"bsn":"' .. b .. '","gemeentecode":"GM0772",'
    .. '"doelgroep":"asielstatushouder","geboortedatum":"1990-01-01"}'
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. os.getenv("WRK_TOKEN"),
  }
  return wrk.format("POST", "/v1/inburgeraars", headers, body)
end
