-- wrk script for bench/soak.sh: every request picks a different kind of address, so that the page cache's key
-- space is far larger than its byte limit and the application sees everything anonymous traffic sends.
-- SOAK_PATHS names a file of the site's own addresses (articles, sections, tags, authors, feeds, sitemaps).
local paths, lists = {}, {}
local words = {"energy", "sanctions", "arctic", "санкции", "エネルギー", "trade", "europe", "straits", "hedge", "zzzz"}

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
  for line in io.lines(os.getenv("SOAK_PATHS")) do
    paths[#paths + 1] = line
    if line:match("^/section/") or line:match("^/tag/") or line:match("^/author/") then
      lists[#lists + 1] = line
    end
  end
end

local function pick(t) return t[math.random(#t)] end

-- Mostly the site's pages, as real traffic is, with enough of everything else to keep the cache evicting
-- (the archives alone are 117,000 cacheable addresses) and every uncached path busy.
local function address()
  local r = math.random(1000)
  if r <= 850 then return pick(paths) end                                         -- the site's pages (cacheable)
  if r <= 870 then return string.format("/%d/", math.random(1000, 9999)) end      -- year archives: 9,000 keys
  if r <= 890 then                                                                -- month archives: 108,000 keys
    return string.format("/%d/%02d/", math.random(1000, 9999), math.random(12))
  end
  if r <= 920 then return pick(lists) .. "?page=" .. string.rep("0", math.random(0, 5)) .. "1" end -- same page, many keys
  if r <= 930 then return pick(lists) .. "?page=" .. math.random(2, 999999) end   -- past the end: 404
  if r <= 950 then return "/no-such-page-" .. math.random(1, 1e9) .. "/" end       -- 404
  if r <= 980 then return pick(paths) .. "?utm_source=" .. math.random(1, 1e9) end -- tracking variants
  if r <= 990 then return "/search?q=" .. pick(words) .. (math.random(2) == 1 and "" or "+" .. math.random(1, 1e6)) end
  return pick(paths) .. "feed/"                                                    -- feeds (404 for articles)
end

function request()
  local headers = {}
  if math.random(2) == 1 then headers["Accept-Encoding"] = "gzip, br" end
  return wrk.format("GET", address(), headers)
end
