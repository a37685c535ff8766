-- wrk script: one machine-readable line at the end of a run (used by tests/perf/load.sh).
-- With PATHS set (comma-separated), requests rotate through them (the mixed soak run).
local paths, i = {}, 0
local list = os.getenv("PATHS")
if list then for p in string.gmatch(list, "[^,]+") do paths[#paths + 1] = p end end

request = function()
  if #paths == 0 then return wrk.format(nil) end
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f requests=%d errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.connect + e.read + e.write + e.timeout, e.status))
end
