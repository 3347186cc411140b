-- wrk script for scripts/bench/load. Arguments after `--`:
--   MODE COOKIE_FILE [SINCE]
-- MODE is health, me, offer, pull or push. COOKIE_FILE has one line per
-- signed-in person: "ROLE COOKIE" (ROLE: yp or pa). Each request takes the
-- next person's cookie in turn; push uses only the young people (a PA may not
-- create a topic of their own), and every push is one new topic with a fresh
-- mutation id and record id, from one device per person per wrk thread.
-- done() prints one machine-readable line: RESULT rps p50_ms p99_ms errors requests

local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local mode, people, turn, seqs, devices

local function uuid()
  -- A random (version 4) UUID; the server only needs it to be new.
  local t = {}
  for i = 1, 32 do t[i] = string.format("%x", math.random(0, 15)) end
  t[13] = "4"
  t[17] = string.format("%x", 8 + math.random(0, 3))
  local s = table.concat(t)
  return s:sub(1, 8) .. "-" .. s:sub(9, 12) .. "-" .. s:sub(13, 16) .. "-" .. s:sub(17, 20) .. "-" .. s:sub(21, 32)
end

function init(args)
  mode = args[1]
  local since = args[3] or "0"
  math.randomseed(os.time() * 1000 + (id or 0) * 7919 + math.floor(os.clock() * 1e6))
  people, seqs, devices = {}, {}, {}
  for line in io.lines(args[2]) do
    local role, cookie = line:match("^(%S+)%s+(%S+)$")
    if role and (mode ~= "push" or role == "yp") then
      table.insert(people, { role = role, cookie = cookie, device = uuid(), seq = 0 })
    end
  end
  if #people == 0 then error("no signed-in people in " .. args[2]) end
  turn = math.random(1, #people)
  if mode == "health" then
    wrk.method, wrk.path = "GET", "/api/v1/health"
  elseif mode == "me" then
    wrk.method, wrk.path = "GET", "/api/v1/me"
  elseif mode == "offer" then
    wrk.method, wrk.path = "GET", "/api/v1/offer"
  elseif mode == "pull" then
    wrk.method = "GET"
  elseif mode == "push" then
    wrk.method = "POST"
  else
    error("unknown mode " .. tostring(mode))
  end
  pull_since = since
end

function request()
  turn = turn % #people + 1
  local p = people[turn]
  local headers = { ["Cookie"] = "pathway_session=" .. p.cookie }
  if mode == "pull" then
    return wrk.format("GET", "/api/v1/sync/pull?since=" .. pull_since .. "&client_id=" .. p.device, headers)
  elseif mode == "push" then
    p.seq = p.seq + 1
    headers["Content-Type"] = "application/json"
    local body = string.format(
      '{"mutations":[{"mutation_id":"%s","client_id":"%s","seq":%d,"entity":"topic","record_id":"%s",'
        .. '"op":"put","payload":{"text":"Bench topic %d"},"base_version":null}]}',
      uuid(), p.device, p.seq, uuid(), p.seq)
    return wrk.format("POST", "/api/v1/sync/push", headers, body)
  else
    return wrk.format(nil, nil, headers)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + e.status
  local secs = summary.duration / 1e6
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n", summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, summary.requests))
end
