-- wrk script for run.sh: posts the GraphQL request body in the file named after `--` on every
-- request, and ends with one machine-readable RESULT line (latencies in microseconds).
function init(args)
  local file = assert(io.open(args[1], "rb"))
  wrk.method = "POST"
  wrk.body = (file:read("*a"):gsub("%s+$", ""))
  file:close()
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT rps=%.0f p50_us=%d p99_us=%d requests=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    summary.requests, errors.connect + errors.read + errors.write + errors.status + errors.timeout))
end
