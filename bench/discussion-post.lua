-- wrk script: every request posts a new comment (unique text per thread and request) with the form token
-- taken from the article page. Set by discussion-post.sh: ARTICLE path and TOKEN.
local counter = 0
thread_id = 0  -- set per thread by setup(); global so that thread:set reaches it
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  path = os.getenv("ARTICLE") .. "comments"
  token = os.getenv("TOKEN")
end

function request()
  counter = counter + 1
  local body = "name=Bench+Reader&email=bench" .. thread_id .. "-" .. counter .. "%40example.net&token=" .. token
      .. "&text=Bench+comment+" .. thread_id .. "-" .. counter .. "+about+how+sanctions+are+renewed+and+lifted."
  return wrk.format("POST", path, {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
