-- wrk script: each request is the next query of the corpus's query set, URL-encoded by
-- bench/run.sh into the file named by $QUERIES, one per line.
local queries = {}
for line in io.lines(os.getenv("QUERIES")) do
  queries[#queries + 1] = line
end
local next_query = 0

request = function()
  next_query = next_query % #queries + 1
  return wrk.format("GET", "/api/v1/search?q=" .. queries[next_query])
end

done = function(summary, latency, requests)
  io.write(string.format("wrk: %d requests, %d errors (status %d, timeout %d), %.0f requests/s, mean %.2f ms, p50 %.2f ms, p99 %.2f ms\n",
    summary.requests, summary.errors.status + summary.errors.timeout + summary.errors.connect + summary.errors.read,
    summary.errors.status, summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency.mean / 1e3,
    latency:percentile(50) / 1e3, latency:percentile(99) / 1e3))
end
