using Voting.Benchmarks;
using Voting.Benchmarks.Votes;

// VoteLoadClient setup --url http://127.0.0.1:PORT/graphql --admin-citizen-id ID --admin-password PASSWORD [--candidates 4]
//   Signs in as the admin, creates an election open to every registered voter, adds candidates,
//   schedules and opens it; prints "ELECTION <id> <candidate id>,<candidate id>,...".
// VoteLoadClient cast --url ... --election ID --candidates ID,ID,... --signing-key KEY --voters N
//                     [--first-voter 1] [--clients 64] [--warmup 5] [--duration 20] [--acks FILE] [--unanswered FILE]
//                     [--server-pid PID]
//   Each of --clients loops on its own keep-alive HTTP/1.1 connection, a plain socket, one event loop thread
//   driving them all (epoll, Linux), every request from the next unused voter (voter n's user ID is
//   Voters.WriteId(n), as run.sh inserted them). Progress, how the answers were framed and the client's own
//   cost go to stderr; one "RESULT key=value ..." line to stdout (reconnects: connections opened again after
//   the server closed one); every acknowledged vote (warm-up included) to --acks, every request left without
//   an answer to --unanswered, for the audit.
//   With --server-pid, the server's CPU time over the measured window (from /proc) per answered vote; the
//   client's own CPU per vote is always reported.
return await Options.RunAsync(
    args,
    "VoteLoadClient setup|cast --url http://host:port/graphql [--name value]...",
    new Dictionary<string, Func<Options, Func<CancellationToken, Task<int>>>>(StringComparer.Ordinal)
    {
        ["setup"] = options => new ElectionSetup(options).RunAsync,
        ["cast"] = options => new CastRun(options).RunAsync,
    }).ConfigureAwait(false);
