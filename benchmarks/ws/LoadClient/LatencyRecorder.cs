namespace Voting.Benchmarks.WebSockets;

/// <summary>
/// Publish-to-receipt latencies of the deliveries whose event was published inside the measurement
/// window (by the server's publishedAt), in 10 µs bins up to 10 s. Recorded from every socket's
/// receive loop at once, so every counter is updated with Interlocked.
/// </summary>
internal sealed class LatencyRecorder
{
    private const long BinTicks = 100;
    private const int BinCount = 1_000_000;

    private readonly long[] _bins = new long[BinCount];
    private long _overflow;
    private long _count;
    private long _maxTicks;
    private long _windowStart = long.MaxValue;
    private long _windowEnd = long.MaxValue;
    private long _all;

    /// <summary>Every delivery recorded since start, in the window or not.</summary>
    public long All => Interlocked.Read(ref _all);

    /// <summary>Deliveries of events published in the window.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Clears the counts and measures the events published from <paramref name="start"/> (inclusive) to <paramref name="end"/> (UTC ticks).</summary>
    public void Reset(long start, long end)
    {
        Volatile.Write(ref _windowStart, long.MaxValue);
        Array.Clear(_bins);
        Interlocked.Exchange(ref _overflow, 0);
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _maxTicks, 0);
        Volatile.Write(ref _windowEnd, end);
        Volatile.Write(ref _windowStart, start);
    }

    public bool InWindow(long publishedTicks) =>
        publishedTicks >= Volatile.Read(ref _windowStart) && publishedTicks < Volatile.Read(ref _windowEnd);

    public void Record(long publishedTicks, long receivedTicks)
    {
        Interlocked.Increment(ref _all);
        if (!InWindow(publishedTicks))
        {
            return;
        }

        var latency = Math.Max(0, receivedTicks - publishedTicks);
        var bin = latency / BinTicks;
        if (bin < BinCount)
        {
            Interlocked.Increment(ref _bins[bin]);
        }
        else
        {
            Interlocked.Increment(ref _overflow);
        }

        Interlocked.Increment(ref _count);
        var max = Interlocked.Read(ref _maxTicks);
        while (latency > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxTicks, latency, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    /// <summary>
    /// The latency at quantile <paramref name="q"/> of <paramref name="expected"/> deliveries, in ms (the
    /// upper edge of its bin), where a delivery that never came counts as slower than any that did:
    /// infinity when the quantile falls among them.
    /// </summary>
    public double QuantileMs(double q, long expected)
    {
        var rank = (long)Math.Ceiling(q * Math.Max(expected, Count));
        long seen = 0;
        for (var bin = 0; bin < BinCount; bin++)
        {
            seen += _bins[bin];
            if (seen >= rank && rank > 0)
            {
                return (bin + 1) * BinTicks / (double)TimeSpan.TicksPerMillisecond;
            }
        }

        return seen + _overflow >= rank ? MaxMs : double.PositiveInfinity;
    }

    public double MaxMs => Interlocked.Read(ref _maxTicks) / (double)TimeSpan.TicksPerMillisecond;
}
