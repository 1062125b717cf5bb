using System.Diagnostics;
using System.Globalization;

namespace Voting.Benchmarks.WebSockets;

/// <summary>
/// Idle connections: the server's resident memory (VmRSS of <c>--server-pid</c>) after a warm-up of a
/// few hundred connections, then again after N more subscriptions have been open and idle for a while;
/// the difference over N is the memory per connection. One announcement afterwards checks that all N
/// were live subscriptions when the memory was read.
/// </summary>
internal sealed class IdleRun(Options options)
{
    private readonly Uri _url = new(options.Text("url"));
    private readonly int _count = options.Integer("connections", 10_000);
    private readonly int _serverPid = options.Integer("server-pid", 0);
    private readonly TimeSpan _settle = options.Seconds("settle", 10);
    private readonly int _sourceAddresses = options.Integer("source-addresses", 4);
    private readonly string _token = options.Text("token", "");

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (_serverPid <= 0 || !File.Exists($"/proc/{_serverPid}/status"))
        {
            throw new ArgumentException("--server-pid must be the server's process id (its /proc/PID/status is read).");
        }

        var recorder = new LatencyRecorder();
        var failures = new Failures();
        using var invoker = Connections.CreateInvoker(_sourceAddresses);

        // Warm-up: the code paths of a connection are compiled and the pools primed before the baseline.
        var warmup = await Connections.OpenAsync(300, 64, _url, invoker, recorder, failures, cancellationToken).ConfigureAwait(false);
        await Connections.CloseAsync(warmup, 64).ConfigureAwait(false);
        await Task.Delay(_settle / 2, cancellationToken).ConfigureAwait(false);
        var before = RssKilobytes();

        var clock = Stopwatch.StartNew();
        var subscribers = await Connections.OpenAsync(_count, 64, _url, invoker, recorder, failures, cancellationToken).ConfigureAwait(false);
        var opened = clock.Elapsed;
        Console.Error.WriteLine($"  {subscribers.Count} subscriptions open in {opened.TotalSeconds:F1} s; idle for {_settle.TotalSeconds:F0} s");
        await Task.Delay(_settle, cancellationToken).ConfigureAwait(false);
        var after = RssKilobytes();

        var publisher = await Publisher.OpenAsync(_url, invoker, recorder, failures, _token, cancellationToken).ConfigureAwait(false);
        await publisher.PublishOneAsync(cancellationToken).ConfigureAwait(false);
        var wait = Stopwatch.StartNew();
        while (subscribers.Any(s => s.Alive && s.Received == 0) && wait.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        var live = subscribers.Count(s => s.Alive && s.Received > 0);
        Console.Error.WriteLine($"  one announcement reached {live} of them in {wait.Elapsed.TotalMilliseconds:F0} ms");
        await publisher.CloseAsync().ConfigureAwait(false);
        await Connections.CloseAsync(subscribers, 64).ConfigureAwait(false);

        var perConnection = (after - before) * 1024.0 / _count;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"RESULT connections={_count} opened={subscribers.Count} live={live} failures={failures.Count} rss_before_kb={before} rss_after_kb={after} bytes_per_connection={perConnection:F0} open_s={opened.TotalSeconds:F1}"));
        return live == _count ? 0 : 1;
    }

    private long RssKilobytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_serverPid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"No VmRSS in /proc/{_serverPid}/status.");
    }
}
