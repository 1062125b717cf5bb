using Voting.Benchmarks;
using Voting.Benchmarks.Chat;
using Voting.Benchmarks.WebSockets;

// LoadClient setup --urls http://127.0.0.1:A/graphql,http://127.0.0.1:B/graphql --signing-key KEY --users N
//   As user 1, creates one public room; users 2..N join it (through both instances). Prints "ROOM <id>".
// LoadClient run --urls A,B --signing-key KEY --room ID --subscribers 2000 --senders 100 [--rate 50] [--warmup 5]
//   [--duration 30] [--prime 30] [--drain 15] [--pids a=PID,b=PID,redis=PID,postgres=PID] [--loops 1]
//   Subscribers are users 1..subscribers, alternating instances; senders are the users after them.
// Progress goes to stderr; the report (markdown) and one "RESULT key=value ..." line to stdout.
return await Options.RunAsync(
    args,
    "LoadClient setup|run --urls http://host:a/graphql,http://host:b/graphql [--name value]...",
    new Dictionary<string, Func<Options, Func<CancellationToken, Task<int>>>>(StringComparer.Ordinal)
    {
        ["setup"] = options => new RoomSetup(options).RunAsync,
        ["run"] = options => new ChatFanOutRun(options).RunAsync,
    }).ConfigureAwait(false);
