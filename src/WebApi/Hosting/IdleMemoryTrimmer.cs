using Microsoft.Extensions.Options;

namespace Voting.WebApi.Hosting;

/// <summary>
/// Gives memory back when the server goes quiet after a burst (ADR 0033). A burst of work, such as
/// thousands of subscriptions connecting at once, leaves its garbage in a young generation whose
/// budget the GC sizes from the CPU's cache (on this kind of host, a 260 MB L3 gives a budget of
/// over 100 MB), and holes between the long-lived connection objects it promoted. While the server
/// then idles nothing allocates, so no collection runs and all of it stays resident. After such a
/// burst and a quiet spell (<see cref="IdleTrimPolicy"/>), one aggressive, compacting full
/// collection runs and returns the freed memory to the system. Under load the allocation rate never
/// falls that low, so it never runs then.
/// </summary>
internal sealed partial class IdleMemoryTrimmer(IOptions<IdleMemoryTrimmerOptions> options, TimeProvider time, ILogger<IdleMemoryTrimmer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var origin = time.GetTimestamp();
        var policy = new IdleTrimPolicy(settings, GC.GetTotalAllocatedBytes());
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var started = time.GetElapsedTime(origin);
            if (!policy.ShouldTrim(GC.GetTotalAllocatedBytes(), started))
            {
                continue;
            }

            var before = Environment.WorkingSet;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var ended = time.GetElapsedTime(origin);
            policy.Trimmed(GC.GetTotalAllocatedBytes(), ended);
            Trimmed(logger, before / (1024 * 1024), Environment.WorkingSet / (1024 * 1024), (ended - started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Idle memory trim: working set {BeforeMb} MB -> {AfterMb} MB in {Milliseconds:0} ms")]
    private static partial void Trimmed(ILogger logger, long beforeMb, long afterMb, double milliseconds);
}
