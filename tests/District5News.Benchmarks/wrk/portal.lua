-- wrk script for the portal benchmark (see docs/benchmarks.md).
-- usage: wrk -s portal.lua URL -- PATHS_FILE TAIL_AT
--   PATHS_FILE  one request path a line; each request picks one at random
--   TAIL_AT     unix time after which requests carry a crawler user agent, so the portal does not count them:
--               the requests still in flight when wrk stops are then never counted views, and the number of
--               counted requests wrk sent is exactly the number the portal must have stored (0 = never)
-- Each request is a new browser: no cookie is ever sent back, so every one is a person's first view.

local browser = "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"
local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  tail_at = tonumber(args[2] or "0")
  counted = 0
  -- wrk calls request() once on the first thread before the run, to check the script, and never sends that one.
  unsent_check = (id == 1)
  tail = 0
  math.randomseed(os.time() * 100 + id)
end

function request()
  local path = paths[math.random(#paths)]
  if unsent_check then
    unsent_check = false
    return wrk.format("GET", path, { ["User-Agent"] = "wrk-check" })
  end
  if tail_at > 0 and os.time() >= tail_at then
    tail = tail + 1
    return wrk.format("GET", path, { ["User-Agent"] = "wrk-tail", ["Accept"] = "text/html" })
  end
  counted = counted + 1
  return wrk.format("GET", path, { ["User-Agent"] = browser, ["Accept"] = "text/html" })
end

function done(summary, latency, requests)
  local sent, tails = 0, 0
  for _, thread in ipairs(threads) do
    sent = sent + thread:get("counted")
    tails = tails + thread:get("tail")
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d bytes=%d p50=%d p95=%d p99=%d max=%d counted_sent=%d tail_sent=%d " ..
    "err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    sent, tails, e.connect, e.read, e.write, e.status, e.timeout))
end
