-- wrk script for make bench and make load: takes the paths given after "--" in turn,
-- counts 5xx answers per thread and prints one JSON line that bench/server.py reads.
--
-- With "--new-answers" first (make bench, "results, cache miss"), the arguments are the
-- number of the first request, the number of threads, the audiences, the age bands and the
-- bullying types (each comma-separated) and the results path in each language: request n
-- asks for the results of answers (no danger) that no request before it had, so the page
-- cache, which keys the whole path with its query string, never has the page.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

local function split(text)
  local words = {}
  for word in text:gmatch("[^,]+") do
    table.insert(words, word)
  end
  return words
end

-- Every ordered list of different bullying types as "what=a&what=b": each set of types
-- once (127 sets of 7 types), then each set again in its next order while it has one
-- (13,699 lists of 7 types). The order changes nothing but the URL (the page reads a set),
-- and it is counted because the sets alone give only 2 x 5 x 3 x 127 = 3,810 different
-- answers (language, audience, age, types), which a 10 s run at the target rate (a few
-- hundred requests a second) would nearly use up; with the order, 410,970. Longer runs
-- reach further into the orders, which sets of many types have most of: a faster site is
-- measured on a slightly heavier mix of answers, never a lighter one.
local function what_lists(types)
  local sets, lists = {}, {}
  for mask = 1, 2 ^ #types - 1 do
    local set = { orders = 1 }
    for i, slug in ipairs(types) do
      if math.floor(mask / 2 ^ (i - 1)) % 2 == 1 then
        table.insert(set, slug)
        set.orders = set.orders * #set
      end
    end
    table.insert(sets, set)
  end
  for order = 0, math.huge do
    local added = false
    for _, set in ipairs(sets) do
      if order < set.orders then
        local left, list, rest = { unpack(set) }, {}, order
        for size = #left, 1, -1 do
          table.insert(list, "what=" .. table.remove(left, rest % size + 1))
          rest = math.floor(rest / size)
        end
        table.insert(lists, table.concat(list, "&"))
        added = true
      end
    end
    if not added then
      return lists
    end
  end
end

function init(args)
  paths = {}
  for _, path in ipairs(args) do
    table.insert(paths, path)
  end
  if paths[1] == "--new-answers" then
    -- Thread id numbers its requests first + id - 1, then every threads-th number after
    -- it; request n takes each answer at n modulo its number of choices: the list of types
    -- alone is new for 13,699 requests, and as 2, 5, 3 and 13,699 have no common factor,
    -- the whole set of answers for 410,970. "following" tells bench/server.py where the
    -- next run starts.
    first, step = tonumber(paths[2]), tonumber(paths[3])
    who, ages, what = split(paths[4]), split(paths[5]), what_lists(split(paths[6]))
    paths = { unpack(paths, 7) }
  end
  if #paths == 0 then
    paths[1] = wrk.path
  end
  turn = 0
  server_errors = 0
end

function request()
  if what then
    local n = first + turn * step + id - 1
    turn = turn + 1
    following = n + 1
    return wrk.format("GET", string.format("%s?danger=no&who=%s&%s&age=%s",
      paths[n % #paths + 1], who[n % #who + 1], what[n % #what + 1], ages[n % #ages + 1]))
  end
  turn = turn % #paths + 1
  return wrk.format("GET", paths[turn])
end

function response(status, headers, body)
  if status >= 500 then
    server_errors = server_errors + 1
  end
end

function done(summary, latency, requests)
  local five, following = 0, 0
  for _, thread in ipairs(threads) do
    five = five + thread:get("server_errors")
    following = math.max(following, thread:get("following") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    'HELPFINDER {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, ' ..
    '"status_errors": %d, "5xx": %d, "connect": %d, "read": %d, "write": %d, "timeout": %d, ' ..
    '"following": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99),
    e.status, five, e.connect, e.read, e.write, e.timeout, following))
end
