-- wrk script for make bench and make load: takes the paths given after "--" in turn,
-- counts 5xx answers per thread and prints one JSON line that bench/server.py reads.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for _, path in ipairs(args) do
    table.insert(paths, path)
  end
  if #paths == 0 then
    paths[1] = wrk.path
  end
  turn = 0
  server_errors = 0
end

function request()
  turn = turn % #paths + 1
  return wrk.format("GET", paths[turn])
end

function response(status, headers, body)
  if status >= 500 then
    server_errors = server_errors + 1
  end
end

function done(summary, latency, requests)
  local five = 0
  for _, thread in ipairs(threads) do
    five = five + thread:get("server_errors")
  end
  local e = summary.errors
  io.write(string.format(
    'HELPFINDER {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, ' ..
    '"status_errors": %d, "5xx": %d, "connect": %d, "read": %d, "write": %d, "timeout": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, five, e.connect, e.read, e.write, e.timeout))
end
