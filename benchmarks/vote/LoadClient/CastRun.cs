using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Voting.Benchmarks.Votes;

/// <summary>
/// <c>--clients</c> loops, each on its own keep-alive connection with one request in flight, casting
/// one vote per request from the next unused voter, for a warm-up then a measured window. Counts the
/// votes answered inside the window, their latencies and the errors by code; every acknowledged vote
/// (sequence and receipt) goes to the acks file, and every request left without an answer to the
/// unanswered file, for run.sh's audit of the database.
/// </summary>
internal sealed class CastRun(Options options)
{
    private const string Mutation = "mutation($i: CastVoteInput!) { castVote(input: $i) { electionId receipt sequence } }";

    private readonly Uri _url = new(options.Text("url"));
    private readonly string _electionId = options.Text("election");
    private readonly string[] _candidateIds = options.Text("candidates").Split(',');
    private readonly VoterTokens _tokens = new(options.Text("signing-key"));
    private readonly long _firstVoter = options.Integer("first-voter", 1);
    private readonly long _voters = options.Integer("voters");
    private readonly int _clients = options.Integer("clients", 64);
    private readonly TimeSpan _warmup = options.Seconds("warmup", 5);
    private readonly TimeSpan _duration = options.Seconds("duration", 20);
    private readonly string? _acksFile = options.Text("acks", string.Empty) is { Length: > 0 } acks ? acks : null;
    private readonly string? _unansweredFile = options.Text("unanswered", string.Empty) is { Length: > 0 } file ? file : null;
    private readonly int _serverPid = options.Integer("server-pid", 0);

    private long _nextVoter;
    private long _windowStart;
    private long _windowEnd;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var http = GraphQLHttp.KeepAliveClient(_clients);
        var client = new GraphQLHttp(http, _url);
        var bodies = _candidateIds.Select(c => GraphQLHttp.Body(Mutation, new { i = new { electionId = _electionId, candidateId = c } })).ToArray();
        _nextVoter = _firstVoter - 1;

        Console.Error.WriteLine($"Casting votes: {_clients} clients, {_warmup.TotalSeconds} s warm-up, {_duration.TotalSeconds} s measured, voters {_firstVoter}..{_firstVoter + _voters - 1}");
        var start = Stopwatch.GetTimestamp();
        _windowStart = start + (long)(_warmup.TotalSeconds * Stopwatch.Frequency);
        _windowEnd = _windowStart + (long)(_duration.TotalSeconds * Stopwatch.Frequency);
        var loops = Enumerable.Range(0, _clients).Select(_ => Task.Run(() => LoopAsync(client, bodies, cancellationToken), cancellationToken)).ToArray();
        var cpu = MeasureCpuAsync(cancellationToken);
        var results = await Task.WhenAll(loops).ConfigureAwait(false);
        var (serverCpu, clientCpu) = await cpu.ConfigureAwait(false);
        var stoppedAt = Math.Min(Stopwatch.GetTimestamp(), _windowEnd);

        var latencies = results.SelectMany(r => r.Latencies).Order().ToArray();
        var errors = results.SelectMany(r => r.Errors).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Sum(e => e.Value), StringComparer.Ordinal);
        var exhausted = Interlocked.Read(ref _nextVoter) >= _firstVoter - 1 + _voters;
        // When the voters run out before the window ends, the window is cut short there.
        var seconds = Math.Max(0, stoppedAt - _windowStart) / (double)Stopwatch.Frequency;
        var acks = results.SelectMany(r => r.Acks).ToList();
        var unanswered = results.SelectMany(r => r.Unanswered).ToList();
        if (_acksFile is not null)
        {
            await File.WriteAllLinesAsync(_acksFile, acks.Select(a => string.Create(CultureInfo.InvariantCulture, $"{Voters.IdOf(a.Voter)}\t{a.Sequence}\t{a.Receipt}")), CancellationToken.None).ConfigureAwait(false);
        }

        if (_unansweredFile is not null)
        {
            await File.WriteAllLinesAsync(_unansweredFile, unanswered.Select(v => Voters.IdOf(v).ToString()), CancellationToken.None).ConfigureAwait(false);
        }

        var result = new StringBuilder("RESULT");
        Append(result, "clients", _clients);
        Append(result, "seconds", seconds.ToString("0.00", CultureInfo.InvariantCulture));
        Append(result, "votes", latencies.Length);
        Append(result, "votes_per_s", seconds > 0 ? (latencies.Length / seconds).ToString("0", CultureInfo.InvariantCulture) : "0");
        Append(result, "p50_ms", Milliseconds(Percentile(latencies, 0.50)));
        Append(result, "p99_ms", Milliseconds(Percentile(latencies, 0.99)));
        Append(result, "max_ms", Milliseconds(latencies.Length == 0 ? 0 : latencies[^1]));
        Append(result, "errors", errors.Values.Sum());
        Append(result, "error_codes", errors.Count == 0 ? "none" : string.Join(',', errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}:{e.Value}")));
        Append(result, "acknowledged", acks.Count);
        Append(result, "unanswered", unanswered.Count);
        Append(result, "voters_used", Math.Min(Interlocked.Read(ref _nextVoter) - (_firstVoter - 1), _voters));
        Append(result, "exhausted", exhausted ? 1 : 0);
        var answered = latencies.Length + errors.Values.Sum();
        Append(result, "server_cpu_us_per_vote", serverCpu is { } server && answered > 0 ? (server.TotalMicroseconds / answered).ToString("0", CultureInfo.InvariantCulture) : "—");
        Append(result, "client_cpu_us_per_vote", answered > 0 ? (clientCpu.TotalMicroseconds / answered).ToString("0", CultureInfo.InvariantCulture) : "—");
        Console.WriteLine(result);
        return 0;
    }

    private async Task<ClientResult> LoopAsync(GraphQLHttp client, byte[][] bodies, CancellationToken cancellationToken)
    {
        var result = new ClientResult();
        while (!cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() < _windowEnd)
        {
            var voter = Interlocked.Increment(ref _nextVoter);
            if (voter >= _firstVoter + _voters)
            {
                break;
            }

            var token = _tokens.For(Voters.IdOf(voter));
            var sent = Stopwatch.GetTimestamp();
            string? code;
            try
            {
                var (data, error) = await client.PostAsync(bodies[voter % bodies.Length], token, cancellationToken).ConfigureAwait(false);
                code = error;
                if (code is null)
                {
                    var receipt = data.GetProperty("castVote");
                    result.Acks.Add((voter, receipt.GetProperty("sequence").GetInt64(), receipt.GetProperty("receipt").GetString()!));
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                // No answer: the vote may or may not have committed; the audit counts it apart.
                code = "NO_ANSWER_" + e.GetType().Name;
                result.Unanswered.Add(voter);
            }

            var answered = Stopwatch.GetTimestamp();
            if (answered >= _windowStart && answered < _windowEnd)
            {
                if (code is null)
                {
                    result.Latencies.Add(answered - sent);
                }
                else
                {
                    result.Errors[code] = result.Errors.GetValueOrDefault(code) + 1;
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The CPU time the server (<c>--server-pid</c>, from /proc) and this client used over the measured window
    /// exactly: warm-up, JIT and set-up excluded. Less sensitive to other work on the machine than votes/s.
    /// </summary>
    private async Task<(TimeSpan? Server, TimeSpan Client)> MeasureCpuAsync(CancellationToken cancellationToken)
    {
        await DelayUntilAsync(_windowStart, cancellationToken).ConfigureAwait(false);
        using var self = Process.GetCurrentProcess();
        var serverBefore = ServerCpu();
        var clientBefore = self.TotalProcessorTime;
        await DelayUntilAsync(_windowEnd, cancellationToken).ConfigureAwait(false);
        var serverAfter = ServerCpu();
        self.Refresh();
        var client = self.TotalProcessorTime - clientBefore;
        return (serverAfter - serverBefore, client);
    }

    private static async Task DelayUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>utime + stime of the server process (fields 14 and 15 of /proc/PID/stat, in clock ticks of 10 ms).</summary>
    private TimeSpan? ServerCpu()
    {
        if (_serverPid == 0)
        {
            return null;
        }

        var stat = File.ReadAllText($"/proc/{_serverPid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    private static long Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Milliseconds(long ticks) =>
        (ticks * 1000.0 / Stopwatch.Frequency).ToString("0.00", CultureInfo.InvariantCulture);

    private static void Append(StringBuilder builder, string key, object value) =>
        builder.Append(CultureInfo.InvariantCulture, $" {key}={value}");

    private sealed class ClientResult
    {
        public List<long> Latencies { get; } = [];

        public Dictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

        public List<(long Voter, long Sequence, string Receipt)> Acks { get; } = [];

        public List<long> Unanswered { get; } = [];
    }
}
