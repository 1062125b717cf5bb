using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Voting.Benchmarks.Votes;

/// <summary>
/// <c>--clients</c> loops, each on its own keep-alive connection with one request in flight, casting
/// one vote per request from the next unused voter, for a warm-up then a measured window. Counts the
/// votes answered inside the window, their latencies and the errors by code; every acknowledged vote
/// (sequence and receipt) goes to the acks file, and every request left without an answer to the
/// unanswered file, for run.sh's audit of the database.
/// </summary>
/// <remarks>
/// The client shares the CPU with the server it measures, so it is built as lean as wrk: plain sockets
/// speaking HTTP/1.1 (<see cref="KeepAliveConnection"/>), requests rebuilt in place (<see cref="CastRequest"/>),
/// answers read without a document (<see cref="CastAnswer"/>), nothing allocated per vote, and all the loops
/// on one thread around epoll (<see cref="Epoll"/>), as wrk's event loop: no thread per connection to wake
/// (that cost twice the system time per vote), none of the runtime's async socket machinery either.
/// </remarks>
internal sealed class CastRun(Options options)
{
    private const string Mutation = "mutation($i: CastVoteInput!) { castVote(input: $i) { electionId receipt sequence } }";

    /// <summary>As long as the HTTP client's time-out was: an answer later than this is no answer.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly Uri _url = new(options.Text("url"));
    private readonly string _electionId = options.Text("election");
    private readonly string[] _candidateIds = options.Text("candidates").Split(',');
    private readonly string _signingKey = options.Text("signing-key");
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
        var bodies = _candidateIds.Select(c => GraphQLHttp.Body(Mutation, new { i = new { electionId = _electionId, candidateId = c } })).ToArray();
        var server = await ServerEndPointAsync(cancellationToken).ConfigureAwait(false);
        _nextVoter = _firstVoter - 1;

        Console.Error.WriteLine($"Casting votes: {_clients} clients, {_warmup.TotalSeconds} s warm-up, {_duration.TotalSeconds} s measured, voters {_firstVoter}..{_firstVoter + _voters - 1}");
        var start = Stopwatch.GetTimestamp();
        _windowStart = start + (long)(_warmup.TotalSeconds * Stopwatch.Frequency);
        _windowEnd = _windowStart + (long)(_duration.TotalSeconds * Stopwatch.Frequency);
        // One thread runs every loop, as wrk's event loop does: it sleeps in epoll_wait until answers come.
        var loop = Task.Factory.StartNew(() => EventLoop(server, bodies, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var cpu = MeasureCpuAsync(cancellationToken);
        var tally = await loop.ConfigureAwait(false);
        var stoppedAt = Math.Min(Stopwatch.GetTimestamp(), _windowEnd);
        var (serverCpu, clientCpu, allocated) = await cpu.ConfigureAwait(false);

        var latencies = tally.Latencies.ToArray();
        Array.Sort(latencies);
        var errors = tally.Errors;
        var exhausted = _nextVoter >= _firstVoter - 1 + _voters;
        // When the voters run out before the window ends, the window is cut short there.
        var seconds = Math.Max(0, stoppedAt - _windowStart) / (double)Stopwatch.Frequency;
        if (_acksFile is not null)
        {
            WriteAcks(_acksFile, tally);
        }

        if (_unansweredFile is not null)
        {
            WriteUnanswered(_unansweredFile, tally);
        }

        var (connects, receives, (chunked, length, close)) = tally.Connection;
        var answers = chunked + length + close;
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Connections opened: {connects}. Answers: {answers}, framed by chunks {chunked}, by Content-Length {length}, by closing {close}; recv calls per answer: {(answers > 0 ? receives / (double)answers : 0):0.00}; answers per wake-up of the event loop: {(tally.Wakeups > 0 ? answers / (double)tally.Wakeups : 0):0.00}."));
        if (latencies.Length + errors.Values.Sum() is > 0 and var inWindow)
        {
            // The kernel's share (send and recv on loopback TCP, wake-ups) against the client's own code.
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Client per answered vote in the window: {clientCpu.User.TotalMicroseconds / inWindow:0.0} µs user CPU, {clientCpu.System.TotalMicroseconds / inWindow:0.0} µs system CPU, {allocated / (double)inWindow:0} bytes allocated."));
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
        Append(result, "acknowledged", tally.AckCount);
        Append(result, "unanswered", tally.Unanswered.Count);
        Append(result, "reconnects", tally.Reconnects);
        Append(result, "voters_used", Math.Min(_nextVoter - (_firstVoter - 1), _voters));
        Append(result, "exhausted", exhausted ? 1 : 0);
        var answered = latencies.Length + errors.Values.Sum();
        Append(result, "server_cpu_us_per_vote", serverCpu is { } serverTime && answered > 0 ? (serverTime.TotalMicroseconds / answered).ToString("0", CultureInfo.InvariantCulture) : "—");
        Append(result, "client_cpu_us_per_vote", answered > 0 ? ((clientCpu.User + clientCpu.System).TotalMicroseconds / answered).ToString("0", CultureInfo.InvariantCulture) : "—");
        Console.WriteLine(result);
        return 0;
    }

    /// <summary>
    /// The <c>--clients</c> loops on their connections, each sending its next vote as soon as the last one is
    /// answered, until the window ends, the voters run out or the run is cancelled, and the last answers are in.
    /// </summary>
    private ClientResult EventLoop(EndPoint server, byte[][] bodies, CancellationToken cancellationToken)
    {
        var result = new ClientResult();
        using var epoll = new Epoll(_clients);
        using var tokens = new VoterTokens(_signingKey);
        var request = new CastRequest(_url, tokens, bodies);
        var connections = new KeepAliveConnection[_clients];
        for (var i = 0; i < connections.Length; i++)
        {
            connections[i] = new KeepAliveConnection(server, Timeout, epoll, i);
        }

        try
        {
            var inFlight = connections.Count(c => SendNext(c, request, bodies.Length, result, cancellationToken));
            var ready = new int[_clients];
            var lastCheck = Stopwatch.GetTimestamp();
            while (inFlight > 0)
            {
                var count = epoll.Wait(ready, 100);
                result.Wakeups += count > 0 ? 1 : 0;
                for (var i = 0; i < count; i++)
                {
                    var connection = connections[ready[i]];
                    if (!connection.InFlight)
                    {
                        // A connection done with its votes that the server closes: level-triggered, it would wake the loop until closed.
                        connection.Dispose();
                    }
                    else if (connection.TryReceive(out var failure))
                    {
                        inFlight -= Next(connection, failure) ? 0 : 1;
                    }
                }

                // Ten times a second: a request late past the time-out, or all of them when the run is cancelled, is given up.
                var now = Stopwatch.GetTimestamp();
                if (Stopwatch.GetElapsedTime(lastCheck, now) >= TimeSpan.FromMilliseconds(100))
                {
                    lastCheck = now;
                    foreach (var connection in connections)
                    {
                        if (connection.InFlight && (cancellationToken.IsCancellationRequested || connection.IsLate(now)))
                        {
                            inFlight -= Next(connection, connection.Abandon(late: !cancellationToken.IsCancellationRequested)) ? 0 : 1;
                        }
                    }
                }
            }
        }
        finally
        {
            foreach (var connection in connections)
            {
                connection.Dispose();
            }
        }

        // The exchange on the connection is over (failure null: answered); its next vote goes, if there is one.
        bool Next(KeepAliveConnection connection, string? failure)
        {
            Answered(connection, failure, result);
            return SendNext(connection, request, bodies.Length, result, cancellationToken);
        }

        result.Connection = (
            connections.Sum(c => c.Connects),
            connections.Sum(c => c.Receives),
            (connections.Sum(c => c.Framings.Chunked), connections.Sum(c => c.Framings.Length), connections.Sum(c => c.Framings.Close)));
        result.Reconnects = connections.Sum(c => Math.Max(0, c.Connects - 1));
        return result;
    }

    /// <summary>
    /// Sends <paramref name="connection"/>'s next vote, from the next unused voter: true when one is in flight,
    /// false when the loop is done (window over, voters used up, run cancelled). A vote that cannot be sent
    /// counts as unanswered, and the next voter's is tried.
    /// </summary>
    private bool SendNext(KeepAliveConnection connection, CastRequest request, int candidates, ClientResult result, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() < _windowEnd)
        {
            var voter = ++_nextVoter;
            if (voter >= _firstVoter + _voters)
            {
                return false;
            }

            if (connection.Send(voter, request.For(voter, (int)(voter % candidates)).Span) is not { } failure)
            {
                return true;
            }

            Answered(connection, failure, result);
        }

        return false;
    }

    /// <summary>The end of <paramref name="connection"/>'s exchange: an answer (<paramref name="failure"/> null) or none.</summary>
    private void Answered(KeepAliveConnection connection, string? failure, ClientResult result)
    {
        var code = failure;
        if (failure is not null)
        {
            // No answer: the vote may or may not have committed; the audit counts it apart.
            result.Unanswered.Add(connection.Voter);
        }
        else
        {
            code = Read(connection, result, connection.Voter);
        }

        var answered = Stopwatch.GetTimestamp();
        if (answered >= _windowStart && answered < _windowEnd)
        {
            if (code is null)
            {
                result.AddLatency(answered - connection.SentAt);
            }
            else
            {
                result.AddError(code);
            }
        }
    }

    private static string? Read(KeepAliveConnection connection, ClientResult result, long voter)
    {
        var body = connection.Body;
        var code = CastAnswer.Read(connection.Status, body, result.ReceiptSpace(body.Length), out var sequence, out var receiptLength);
        if (code is null)
        {
            result.AddAck(voter, sequence, receiptLength);
        }

        return code;
    }

    /// <summary>The server's address, resolved once (IPv4 first, as run.sh's server listens on 127.0.0.1).</summary>
    private async Task<EndPoint> ServerEndPointAsync(CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(_url.Host, out var address))
        {
            return new IPEndPoint(address, _url.Port);
        }

        var addresses = await Dns.GetHostAddressesAsync(_url.DnsSafeHost, cancellationToken).ConfigureAwait(false);
        return new IPEndPoint(addresses.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).First(), _url.Port);
    }

    /// <summary>One line per acknowledged vote: the voter's user ID, the sequence and the receipt, tab-separated (run.sh copies it into the audit's table).</summary>
    private static void WriteAcks(string path, ClientResult tally)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var line = new byte[256];
        for (var i = 0; i < tally.AckCount; i++)
        {
            var (voter, sequence, receipt) = tally.AckAt(i);
            if (line.Length < Voters.IdLength + 24 + receipt.Length)
            {
                line = new byte[Voters.IdLength + 24 + receipt.Length];
            }

            var length = Voters.WriteId(voter, line);
            line[length++] = (byte)'\t';
            length += sequence.TryFormat(line.AsSpan(length), out var digits, provider: CultureInfo.InvariantCulture) ? digits : 0;
            line[length++] = (byte)'\t';
            receipt.Span.CopyTo(line.AsSpan(length));
            length += receipt.Length;
            line[length++] = (byte)'\n';
            file.Write(line, 0, length);
        }
    }

    /// <summary>One line per request left without an answer: the voter's user ID.</summary>
    private static void WriteUnanswered(string path, ClientResult tally)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var line = new byte[Voters.IdLength + 1];
        foreach (var voter in tally.Unanswered)
        {
            Voters.WriteId(voter, line);
            line[Voters.IdLength] = (byte)'\n';
            file.Write(line);
        }
    }

    /// <summary>
    /// The CPU time the server (<c>--server-pid</c>, from /proc) and this client used over the measured window
    /// exactly: warm-up, JIT and set-up excluded. Less sensitive to other work on the machine than votes/s.
    /// </summary>
    private async Task<(TimeSpan? Server, (TimeSpan User, TimeSpan System) Client, long Allocated)> MeasureCpuAsync(CancellationToken cancellationToken)
    {
        await DelayUntilAsync(_windowStart, cancellationToken).ConfigureAwait(false);
        using var self = Process.GetCurrentProcess();
        var serverBefore = ServerCpu();
        var (userBefore, systemBefore) = (self.UserProcessorTime, self.PrivilegedProcessorTime);
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        await DelayUntilAsync(_windowEnd, cancellationToken).ConfigureAwait(false);
        var serverAfter = ServerCpu();
        self.Refresh();
        return (serverAfter - serverBefore, (self.UserProcessorTime - userBefore, self.PrivilegedProcessorTime - systemBefore), GC.GetTotalAllocatedBytes() - allocatedBefore);
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
}
