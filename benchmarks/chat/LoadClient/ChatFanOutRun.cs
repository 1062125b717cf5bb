using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Voting.Benchmarks.Votes;
using Voting.Benchmarks.WebSockets;

namespace Voting.Benchmarks.Chat;

/// <summary>
/// Opens the subscribers (alternating instances), primes until every one has received an event, then sends at
/// the rate for the warm-up and the measured window in one schedule, drains, and reports: delivery latency of the
/// messages sent in the window (a delivery that never came counts as slower than any), deliveries and sends per
/// second, sendMessage latency, per-subscriber sequence checks, and the CPU of each process over the window.
/// </summary>
internal sealed class ChatFanOutRun(Options options)
{
    private readonly Uri[] _urls = [.. options.Text("urls").Split(',').Select(u => new Uri(u))];
    private readonly VoterTokens _tokens = new(options.Text("signing-key"));
    private readonly string _room = options.Text("room");
    private readonly int _subscribers = options.Integer("subscribers", 2000);
    private readonly int _senders = options.Integer("senders", 100);
    private readonly double _rate = options.Number("rate", 50);
    private readonly TimeSpan _warmup = options.Seconds("warmup", 5);
    private readonly TimeSpan _duration = options.Seconds("duration", 30);
    private readonly TimeSpan _prime = options.Seconds("prime", 30);
    private readonly TimeSpan _drain = options.Seconds("drain", 15);
    private readonly double _boundMs = options.Number("bound-ms", 150);
    private readonly string _pids = options.Text("pids", string.Empty);
    private readonly int _loops = options.Integer("loops", 1);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var processes = _pids.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('='))
            .Select(p => new ProcessStats(p[0], int.Parse(p[1], CultureInfo.InvariantCulture)))
            .ToList();
        var deliveries = new LatencyRecorder();
        var sendLatency = new LatencyRecorder();

        Console.Error.WriteLine($"  opening {_subscribers} subscribers over {_urls.Length} instances on {_loops} event loop(s)");
        var opening = Stopwatch.StartNew();
        var servers = new EndPoint[_urls.Length];
        for (var i = 0; i < _urls.Length; i++)
        {
            servers[i] = await EndPointAsync(_urls[i], cancellationToken).ConfigureAwait(false);
        }

        var subscribe = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new
        {
            id = "1",
            type = "subscribe",
            payload = new
            {
                query = "subscription($room: ID!) { roomEvents(roomId: $room) { sequence message { text } } }",
                variables = new { room = _room },
            },
        }));
        var subscribers = new RoomSubscriber[_subscribers];
        for (var i = 0; i < subscribers.Length; i++)
        {
            var instance = i % _urls.Length;
            subscribers[i] = new RoomSubscriber(_urls[instance], servers[instance], instance, Protocol.ConnectionInitWithToken(_tokens.For(i + 1)), subscribe, deliveries);
        }

        // Loop l reads subscribers l, l + loops, ...: each its share of both instances.
        var loops = Enumerable.Range(0, _loops)
            .Select(l => new SubscriberLoop([.. subscribers.Where((_, i) => i % _loops == l)]))
            .ToArray();
        await Task.WhenAll(loops.Select(l => l.Opened)).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (subscribers.FirstOrDefault(s => s.OpenFailure is not null) is { } unopened)
        {
            await Task.WhenAll(loops.Select(l => l.StopAsync())).ConfigureAwait(false);
            throw new InvalidOperationException($"Subscriber {Array.IndexOf(subscribers, unopened) + 1} did not open: {unopened.OpenFailure}");
        }

        Console.Error.WriteLine($"  opened in {opening.Elapsed.TotalSeconds:F1} s");

        using var http = GraphQLHttp.KeepAliveClient(64);
        var instances = _urls.Select(u => new GraphQLHttp(http, u)).ToArray();
        var senderTokens = Enumerable.Range(_subscribers + 1, _senders).Select(n => _tokens.For(n)).ToList();
        var sender = new MessageSender(instances, _room, senderTokens, sendLatency);

        // Priming: a subscription is in place once an event reaches it; a few a second until all have one.
        var priming = Stopwatch.StartNew();
        while (subscribers.Any(s => s.Last < 0 && s.Failure is null) && priming.Elapsed < _prime)
        {
            await sender.SendAsync(5, TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }

        var unprimed = subscribers.Count(s => s.Last < 0);
        Console.Error.WriteLine($"  primed in {priming.Elapsed.TotalSeconds:F1} s ({unprimed} without an event)");

        // One schedule: the warm-up, then the measured window, whose boundaries are set before it starts.
        var start = DateTime.UtcNow + TimeSpan.FromMilliseconds(100);
        var windowStart = start + _warmup;
        var windowEnd = windowStart + _duration;
        deliveries.Reset(windowStart.Ticks, windowEnd.Ticks);
        sendLatency.Reset(windowStart.Ticks, windowEnd.Ticks);
        var cpu = MeasureCpuAsync(processes, windowStart, windowEnd, deliveries, sender, loops, cancellationToken);
        await Task.Delay(Until(start), cancellationToken).ConfigureAwait(false);
        Console.Error.WriteLine($"  sending {_rate}/s for {_warmup.TotalSeconds} s warm-up + {_duration.TotalSeconds} s measured");
        var sending = sender.SendAsync(_rate, _warmup + _duration, cancellationToken);
        var (before, after, deliveredInCpuWindow, answeredInWindow, clientCpu) = await cpu.ConfigureAwait(false);
        await sending.ConfigureAwait(false);

        // Drain: every live subscriber should reach the last acknowledged sequence.
        var draining = Stopwatch.StartNew();
        while (subscribers.Any(s => s.Failure is null && s.Last < sender.MaxSequence) && draining.Elapsed < _drain)
        {
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        var rss = processes.Where(p => p.Name is "a" or "b").Select(p => (p.Name, p.ResidentBytes())).ToList();
        await Task.WhenAll(loops.Select(l => l.StopAsync())).ConfigureAwait(false);
        Report(subscribers, sender, deliveries, sendLatency, before, after, deliveredInCpuWindow, answeredInWindow, clientCpu, rss);
        return 0;
    }

    // What happened in the window by the clock: CPU of each process, deliveries received and sends answered.
    private static async Task<(Dictionary<string, TimeSpan> Before, Dictionary<string, TimeSpan> After, long Delivered, long Answered, TimeSpan ClientCpu)> MeasureCpuAsync(
        List<ProcessStats> processes, DateTime windowStart, DateTime windowEnd, LatencyRecorder deliveries, MessageSender sender, SubscriberLoop[] loops, CancellationToken cancellationToken)
    {
        await Task.Delay(Until(windowStart), cancellationToken).ConfigureAwait(false);
        var before = processes.ToDictionary(p => p.Name, p => p.Cpu());
        using var self = Process.GetCurrentProcess();
        var (user, system, allocated) = (self.UserProcessorTime, self.PrivilegedProcessorTime, GC.GetTotalAllocatedBytes());
        var all = deliveries.All;
        var answered = sender.Acknowledged;
        var (wakeups, reads) = (loops.Sum(l => l.Counts.Wakeups), loops.Sum(l => l.Counts.Reads));
        await Task.Delay(Until(windowEnd), cancellationToken).ConfigureAwait(false);
        var after = processes.ToDictionary(p => p.Name, p => p.Cpu());
        self.Refresh();
        var (delivered, clientUser, clientSystem) = (deliveries.All - all, self.UserProcessorTime - user, self.PrivilegedProcessorTime - system);
        if (delivered > 0)
        {
            // The kernel's share (recv on loopback TCP, with the ACK it may send through the server's socket; epoll wake-ups)
            // against the client's own code; how many deliveries a wake-up and a read serve.
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  client per delivery in the window: {clientUser.TotalMicroseconds / delivered:F2} µs user CPU, {clientSystem.TotalMicroseconds / delivered:F2} µs system CPU, {(GC.GetTotalAllocatedBytes() - allocated) / (double)delivered:F0} bytes allocated; {delivered / (double)Math.Max(1, loops.Sum(l => l.Counts.Wakeups) - wakeups):F1} deliveries per wake-up of the event loop, {(loops.Sum(l => l.Counts.Reads) - reads) / (double)delivered:F2} reads per delivery"));
        }

        return (before, after, delivered, sender.Acknowledged - answered, clientUser + clientSystem);
    }

    private void Report(
        RoomSubscriber[] subscribers,
        MessageSender sender,
        LatencyRecorder deliveries,
        LatencyRecorder sendLatency,
        Dictionary<string, TimeSpan> before,
        Dictionary<string, TimeSpan> after,
        long deliveredInCpuWindow,
        long answeredInWindow,
        TimeSpan clientCpu,
        List<(string Name, long Bytes)> rss)
    {
        var seconds = _duration.TotalSeconds;
        // Every message sent in the window should reach every subscriber; one whose send failed or timed out counts
        // as never delivered, like a delivery that never came.
        var expected = sender.SentInWindow * subscribers.Length;
        var p50 = deliveries.QuantileMs(0.50, expected);
        var p99 = deliveries.QuantileMs(0.99, expected);
        var failed = subscribers.Where(s => s.Failure is not null).ToList();
        // Skipped: a jump in the sequence a subscriber received (lost for good on that stream). Missing: what a live
        // subscriber still lacked when the drain ended (lost, or still queued on an overloaded server).
        var lost = subscribers.Sum(s => s.Lost);
        var newest = Math.Max(sender.MaxSequence, subscribers.Max(s => s.Last));
        var missing = subscribers.Where(s => s.Failure is null).Sum(s => Math.Max(0, newest - s.Last));
        var duplicated = subscribers.Sum(s => s.Duplicated);
        var outOfOrder = subscribers.Sum(s => s.OutOfOrder);
        var cpu = before.Keys.ToDictionary(k => k, k => (after[k] - before[k]).TotalSeconds);
        var serverCpu = cpu.Where(c => c.Key is "a" or "b").Sum(c => c.Value);
        var perDelivery = deliveredInCpuWindow == 0 ? double.NaN : serverCpu / deliveredInCpuWindow * 1e6;
        var errors = sender.Errors.Count == 0 ? "none" : string.Join(", ", sender.Errors.Select(e => $"{e.Key} {e.Value}"));

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"| subscribers | rate | sendMessage answered/s | deliveries/s | p50 | p99 | max | p99 ≤ {_boundMs} ms |");
        report.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---|");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| {subscribers.Length:N0} ({string.Join(" + ", subscribers.GroupBy(s => s.Instance).OrderBy(g => g.Key).Select(g => g.Count().ToString("N0", CultureInfo.InvariantCulture)))}) | {_rate}/s | {answeredInWindow / seconds:F1} | {deliveredInCpuWindow / seconds:N0} | {Ms(p50)} | {Ms(p99)} | {Ms(deliveries.MaxMs)} | {(expected > 0 && p99 <= _boundMs ? "yes" : "no")} |");
        report.AppendLine();
        report.AppendLine("| sendMessage p50 | p99 | max | errors | delivered in window / expected | skipped | missing after drain | duplicated | out of order | subscribers failed |");
        report.AppendLine("|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| {Ms(sendLatency.QuantileMs(0.5, sender.SentInWindow))} | {Ms(sendLatency.QuantileMs(0.99, sender.SentInWindow))} | {Ms(sendLatency.MaxMs)} | {errors} | {deliveries.Count:N0} / {expected:N0} | {lost} | {missing} | {duplicated} | {outOfOrder} | {failed.Count} |");
        report.AppendLine();
        report.AppendLine("| CPU over the window | " + string.Join(" | ", cpu.Keys.Append("client")) + " | servers per delivery |");
        report.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---:|", cpu.Count + 2)));
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| cores (CPU-s / s) | {string.Join(" | ", cpu.Values.Select(v => (v / seconds).ToString("F2", CultureInfo.InvariantCulture)))} | {clientCpu.TotalSeconds / seconds:F2} | {perDelivery:F1} µs |");
        report.AppendLine();
        report.AppendLine("RSS at the end: " + string.Join(", ", rss.Select(r => $"{r.Name} {r.Bytes / 1048576.0:F0} MB")));
        foreach (var failure in failed.Select(f => f.Failure).Distinct().Take(5))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"failure: {failure}");
        }

        Console.Write(report.ToString());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT subscribers={subscribers.Length} rate={_rate} answered_per_s={answeredInWindow / seconds:F1} deliveries_per_s={deliveredInCpuWindow / seconds:F0} p50_ms={p50:F2} p99_ms={p99:F2} max_ms={deliveries.MaxMs:F2} sent={sender.Sent} skipped={lost} missing={missing} duplicated={duplicated} out_of_order={outOfOrder} failed={failed.Count} send_errors={sender.Errors.Values.Sum()} cpu_per_delivery_us={perDelivery:F1} passed={(expected > 0 && p99 <= _boundMs && lost + missing + duplicated + outOfOrder + failed.Count == 0 ? 1 : 0)}"));
    }

    private static async Task<EndPoint> EndPointAsync(Uri url, CancellationToken cancellationToken)
    {
        if (url.Scheme != Uri.UriSchemeHttp)
        {
            // The subscribers speak WebSocket over plain TCP sockets: no TLS.
            throw new ArgumentException($"The subscribers connect over plain http only, not {url}.");
        }

        if (IPAddress.TryParse(url.Host, out var address))
        {
            return new IPEndPoint(address, url.Port);
        }

        var addresses = await Dns.GetHostAddressesAsync(url.DnsSafeHost, cancellationToken).ConfigureAwait(false);
        return new IPEndPoint(addresses.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).First(), url.Port);
    }

    // A moment already past (a busy machine ran late) is no wait at all.
    private static TimeSpan Until(DateTime moment) => TimeSpan.FromTicks(Math.Max(0, (moment - DateTime.UtcNow).Ticks));

    private static string Ms(double ms) => double.IsPositiveInfinity(ms) ? "∞ (some never came)" : string.Create(CultureInfo.InvariantCulture, $"{ms:F1} ms");
}
