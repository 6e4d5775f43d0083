-- wrk script: gives every request of a run its own evaluation time, so that no two requests are
-- identical and nothing on the way (a coalescing proxy, a result cache keyed by the parameters)
-- can answer several with one backend request. Each request moves `time`, `start` and `end` back
-- by its own number of milliseconds: thread `id` of `threads` takes id, id + threads, ... so
-- threads never repeat each other. The dataset spans an hour; a run moves by seconds at most.
--
--   wrk -s bench/distinct-times.lua URL -- THREADS

local counter = 0
local threads = 1
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  threads = tonumber(args[1]) or 1
end

local function shifted(path, key, delta)
  local result = path:gsub("([?&]" .. key .. "=)([%d%.]+)", function(prefix, value)
    return prefix .. string.format("%.3f", tonumber(value) - delta)
  end)
  return result
end

function request()
  counter = counter + 1
  local delta = (counter * threads + id) / 1000
  local path = shifted(shifted(shifted(wrk.path, "time", delta), "start", delta), "end", delta)
  return wrk.format(nil, path)
end
