-- Each GET reads a known person at random, or the fixed path in WRK_PATH.
local ids = {}

function init(args)
  for line in io.lines(os.getenv("WRK_IDS")) do table.insert(ids, line) end
  math.randomseed(os.time())
end

function request()
  local path = os.getenv("WRK_PATH")
  if path == "" then path = "/v1/inburgeraars/" .. ids[math.random(#ids)] end
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. os.getenv("WRK_TOKEN")})
end
