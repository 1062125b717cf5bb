using System.Diagnostics;
using System.Globalization;

namespace Voting.Benchmarks.WebSockets;

/// <summary>
/// Fan-out: N subscribers on the announcements topic and one publisher. Each step publishes at a fixed
/// rate R for a warm-up and a measured window; the deliveries of events published in the window (by
/// the server's publishedAt) give deliveries/s and the latency quantiles, where a delivery that never
/// arrives counts as slower than any. A step passes when p99 is within the bound, nothing failed
/// (no RESYNC_REQUIRED, error, complete or closed socket) and the publisher kept its rate. Rates rise
/// by a factor until two in a row fail, then a few bisection steps narrow the highest passing rate.
/// </summary>
internal sealed class FanOutRun
{
    private readonly Uri _url;
    private readonly int _subscriberCount;
    private readonly TimeSpan _warmup;
    private readonly TimeSpan _duration;
    private readonly double _boundMs;
    private readonly double _startRate;
    private readonly double _factor;
    private readonly double _maxRate;
    private readonly int _refineSteps;
    private readonly double _fixedRate;
    private readonly Uri _publishUrl;
    private readonly string? _stepsOut;
    private readonly ServerCpu? _serverCpu;
    private readonly TimeSpan _prime;
    private readonly string _token;
    private readonly LatencyRecorder _recorder = new();
    private readonly Failures _failures = new();
    private List<Subscriber> _subscribers = [];

    public FanOutRun(Options options)
    {
        _url = new Uri(options.Text("url"));

        // Another instance to publish on (the subscribers stay on --url): latency across instances.
        _publishUrl = new Uri(options.Text("publish-url", options.Text("url")));
        _subscriberCount = options.Integer("subscribers", 1000);
        _warmup = options.Seconds("warmup", 2);
        _duration = options.Seconds("duration", 5);
        _boundMs = options.Number("bound-ms", 100);
        _fixedRate = options.Number("rate", 0);
        _startRate = options.Number("start-rate", 10);
        _factor = options.Number("factor", 1.5);
        _maxRate = options.Number("max-rate", 2000);
        _refineSteps = options.Integer("refine", 2);
        _prime = options.Seconds("prime", 5);
        _token = options.Text("token", "");
        var serverPid = options.Integer("server-pid", 0);
        _serverCpu = serverPid > 0 ? new ServerCpu(serverPid) : null;
        _stepsOut = options.Text("steps-out", "");
        if (_stepsOut.Length == 0)
        {
            _stepsOut = null;
        }
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var invoker = Connections.CreateInvoker(sourceAddresses: 1);
        var clock = Stopwatch.StartNew();
        _subscribers = await Connections.OpenAsync(_subscriberCount, 64, _url, invoker, _recorder, _failures, cancellationToken).ConfigureAwait(false);
        Console.Error.WriteLine($"  {_subscribers.Count} subscribers open in {clock.Elapsed.TotalSeconds:F1} s");
        var publisher = await Publisher.OpenAsync(_publishUrl, invoker, _recorder, _failures, _token, cancellationToken).ConfigureAwait(false);
        var steps = new List<Step>();
        try
        {
            // Priming, not measured: the server's code is compiled and tiered up before the first step.
            Console.Error.WriteLine($"  priming: {_prime.TotalSeconds:F0} s at {Math.Max(_fixedRate, _startRate)} events/s");
            await publisher.PublishAsync(Math.Max(_fixedRate, _startRate), _prime, cancellationToken).ConfigureAwait(false);
            await QuietAsync(publisher, cancellationToken).ConfigureAwait(false);

            if (_fixedRate > 0)
            {
                steps.Add(await StepAsync(publisher, invoker, _fixedRate, cancellationToken).ConfigureAwait(false));
            }
            else
            {
                await SearchAsync(publisher, invoker, steps, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await publisher.CloseAsync().ConfigureAwait(false);
            await Connections.CloseAsync(_subscribers, 64).ConfigureAwait(false);
        }

        if (_stepsOut is not null)
        {
            await File.WriteAllLinesAsync(_stepsOut, steps.Select(s => s.Tsv()), cancellationToken).ConfigureAwait(false);
        }

        var best = steps.Where(s => s.Passed).MaxBy(s => s.Rate);

        // The first rate above the best that failed (both of its runs).
        var limit = steps.Where(s => !s.Passed && s.Rate > (best?.Rate ?? 0)).MinBy(s => s.Rate);
        var next = string.Create(CultureInfo.InvariantCulture, $"next_rate={limit?.Rate ?? 0:F1} next_p99_ms={Ms(limit?.P99 ?? 0)} steps={steps.Count}");
        Console.WriteLine(best is null
            ? string.Create(CultureInfo.InvariantCulture, $"RESULT passed=0 subscribers={_subscriberCount} rate=none {next}")
            : string.Create(CultureInfo.InvariantCulture,
                $"RESULT passed=1 subscribers={best.Subscribers} rate={best.Rate:F1} deliveries_per_s={best.DeliveriesPerSecond:F0} p50_ms={best.P50:F2} p99_ms={best.P99:F2} max_ms={best.Max:F2} failures={best.Failures} cpu_us_per_delivery={best.CpuMicrosecondsPerDelivery:F1} {next}"));
        return 0;
    }

    /// <summary>
    /// Rates rise by the factor until two in a row fail (each after its repeat): one failure alone can be
    /// a burst of other work on a shared machine. Then bisection between the highest passing rate and
    /// the failing rate above it.
    /// </summary>
    private async Task SearchAsync(Publisher publisher, HttpMessageInvoker invoker, List<Step> steps, CancellationToken cancellationToken)
    {
        double? passed = null;
        double? failed = null;
        var failuresInARow = 0;
        for (var rate = _startRate; rate <= _maxRate && failuresInARow < 2; rate *= _factor)
        {
            if (await PassesAsync(publisher, invoker, rate, steps, cancellationToken).ConfigureAwait(false))
            {
                passed = rate;
                failed = null;
                failuresInARow = 0;
            }
            else
            {
                failed ??= rate;
                failuresInARow++;
            }
        }

        for (var i = 0; i < _refineSteps && passed is { } low && failed is { } high; i++)
        {
            var rate = Math.Round(Math.Sqrt(low * high), 1);
            if (await PassesAsync(publisher, invoker, rate, steps, cancellationToken).ConfigureAwait(false))
            {
                passed = rate;
            }
            else
            {
                failed = rate;
            }
        }
    }

    /// <summary>
    /// One step, repeated once when it fails: on a shared machine a burst of other work can fail a single
    /// step, and the search would then stop below the server's real bound. Both runs are reported.
    /// </summary>
    private async Task<bool> PassesAsync(Publisher publisher, HttpMessageInvoker invoker, double rate, List<Step> steps, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var step = await StepAsync(publisher, invoker, rate, cancellationToken).ConfigureAwait(false);
            steps.Add(step);
            if (step.Passed)
            {
                return true;
            }
        }

        return false;
    }

    private async Task<Step> StepAsync(Publisher publisher, HttpMessageInvoker invoker, double rate, CancellationToken cancellationToken)
    {
        await ReplaceEndedSubscribersAsync(invoker, cancellationToken).ConfigureAwait(false);
        var live = _subscribers.Count(s => s.Alive);
        var failuresBefore = _failures.Count;
        var deliveriesBefore = _recorder.All;
        var cpuBefore = _serverCpu?.Read() ?? TimeSpan.Zero;
        var start = DateTime.UtcNow.Ticks + _warmup.Ticks;
        _recorder.Reset(start, start + _duration.Ticks);
        publisher.ResetWindowCount();
        await publisher.PublishAsync(rate, _warmup + _duration, cancellationToken).ConfigureAwait(false);
        var answered = await publisher.WaitAnsweredAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        var published = publisher.PublishedInWindow;
        var expected = published * live;

        // The last deliveries may still be on their way; past the bound they count as missing (slow) anyway.
        var drain = Stopwatch.StartNew();
        while (_recorder.Count < expected && drain.Elapsed < TimeSpan.FromSeconds(3))
        {
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }

        var received = _recorder.Count;

        // Server CPU time per delivery over the whole step (warm-up included, and the mutations, one per
        // thousand deliveries): unlike latency it hardly moves when other work shares the cores.
        var cpuPerDelivery = _serverCpu is null ? 0 : (_serverCpu.Read() - cpuBefore).TotalMicroseconds / Math.Max(1, _recorder.All - deliveriesBefore);
        var step = new Step(
            rate,
            live,
            published,
            expected,
            received,
            received / _duration.TotalSeconds,
            _recorder.QuantileMs(0.50, expected),
            _recorder.QuantileMs(0.99, expected),
            received < expected ? double.PositiveInfinity : _recorder.MaxMs,
            _failures.Count - failuresBefore,
            cpuPerDelivery,
            answered && published >= 0.95 * rate * _duration.TotalSeconds);
        step = step with { Passed = step.PublisherKept && step.Failures == 0 && step.P99 <= _boundMs };
        Console.Error.WriteLine(step.Describe());
        await QuietAsync(publisher, cancellationToken).ConfigureAwait(false);
        return step;
    }

    /// <summary>A failed step may have ended subscribers (RESYNC_REQUIRED): the next step starts with N live ones again.</summary>
    private async Task ReplaceEndedSubscribersAsync(HttpMessageInvoker invoker, CancellationToken cancellationToken)
    {
        var ended = _subscribers.Where(s => !s.Alive).ToList();
        if (ended.Count == 0)
        {
            return;
        }

        await Connections.CloseAsync(ended, 64).ConfigureAwait(false);
        _subscribers = [.. _subscribers.Where(s => s.Alive)];
        _subscribers.AddRange(await Connections.OpenAsync(ended.Count, 64, _url, invoker, _recorder, _failures, cancellationToken).ConfigureAwait(false));
        Console.Error.WriteLine($"  reopened {ended.Count} ended subscribers");
    }

    /// <summary>Waits until the server has sent everything it still owed (nothing arrives for half a second), at most 20 s.</summary>
    private async Task QuietAsync(Publisher publisher, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var seen = _recorder.All;
        var quietSince = clock.Elapsed;
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            var now = _recorder.All;
            if (now != seen || publisher.Pending > 0)
            {
                seen = now;
                quietSince = clock.Elapsed;
            }
            else if (clock.Elapsed - quietSince >= TimeSpan.FromMilliseconds(500))
            {
                return;
            }
        }
    }

    private static string Ms(double value) => double.IsPositiveInfinity(value) ? "inf" : value.ToString("F2", CultureInfo.InvariantCulture);

    private sealed record Step(
        double Rate,
        int Subscribers,
        long Published,
        long Expected,
        long Received,
        double DeliveriesPerSecond,
        double P50,
        double P99,
        double Max,
        long Failures,
        double CpuMicrosecondsPerDelivery,
        bool PublisherKept)
    {
        public bool Passed { get; init; }

        public string Describe() => string.Create(
            CultureInfo.InvariantCulture,
            $"  rate {Rate,7:F1}/s x {Subscribers} subscribers: {DeliveriesPerSecond,9:F0} deliveries/s, p50 {Ms(P50)} ms, p99 {Ms(P99)} ms, max {Ms(Max)} ms, {Received}/{Expected} delivered, {Failures} failures, server CPU {CpuMicrosecondsPerDelivery:F1} µs/delivery{(PublisherKept ? "" : ", publisher behind")}: {(Passed ? "pass" : "FAIL")}");

        public string Tsv() => string.Create(
            CultureInfo.InvariantCulture,
            $"{Rate:F1}\t{Subscribers}\t{DeliveriesPerSecond:F0}\t{Ms(P50)}\t{Ms(P99)}\t{Ms(Max)}\t{Received}\t{Expected}\t{Failures}\t{CpuMicrosecondsPerDelivery:F1}\t{(PublisherKept ? 1 : 0)}\t{(Passed ? "pass" : "fail")}");
    }
}
