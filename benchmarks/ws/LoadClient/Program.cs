using Voting.Benchmarks;
using Voting.Benchmarks.WebSockets;

// LoadClient fanout --url ws://127.0.0.1:PORT/graphql [--subscribers 1000] [--rate R | --start-rate 10 --factor 1.5 --refine 2]
//                   [--warmup 2] [--duration 5] [--bound-ms 100] [--prime 5] [--server-pid PID] [--steps-out FILE] [--token JWT]
//                   [--publish-url ws://127.0.0.1:OTHER/graphql] (publish on another instance: cross-instance latency)
// LoadClient idle   --url ws://127.0.0.1:PORT/graphql --server-pid PID [--connections 10000] [--settle 10] [--token JWT]
// --token: an access token for the publisher's connection_init (our announce is for officials only).
// Progress goes to stderr; one "RESULT key=value ..." line to stdout.
return await Options.RunAsync(
    args,
    "LoadClient fanout|idle --url ws://host:port/graphql [--name value]...",
    new Dictionary<string, Func<Options, Func<CancellationToken, Task<int>>>>(StringComparer.Ordinal)
    {
        ["fanout"] = options => new FanOutRun(options).RunAsync,
        ["idle"] = options => new IdleRun(options).RunAsync,
    }).ConfigureAwait(false);
