namespace Voting.WebApi.Hosting;

/// <summary>
/// The decision of <see cref="IdleMemoryTrimmer"/>, fed one sample a tick: trim once a burst of at
/// least <see cref="IdleMemoryTrimmerOptions.AfterAllocatedBytes"/> has been followed by
/// <see cref="IdleMemoryTrimmerOptions.QuietFor"/> of allocation below
/// <see cref="IdleMemoryTrimmerOptions.QuietBytesPerSecond"/>, and no trim ran in the last
/// <see cref="IdleMemoryTrimmerOptions.MinInterval"/>.
/// </summary>
internal sealed class IdleTrimPolicy(IdleMemoryTrimmerOptions options, long allocatedBytes)
{
    private long _allocatedAtTrim = allocatedBytes;
    private long _previousBytes = allocatedBytes;
    private TimeSpan? _previousAt;
    private TimeSpan? _quietSince;
    private TimeSpan? _lastTrim;

    /// <summary>Takes the sample (bytes allocated so far, time since any fixed origin) and says whether to trim now.</summary>
    public bool ShouldTrim(long allocatedBytes, TimeSpan at)
    {
        var previousBytes = _previousBytes;
        var previousAt = _previousAt;
        _previousBytes = allocatedBytes;
        _previousAt = at;
        if (previousAt is not { } since || at <= since)
        {
            return false;
        }

        var rate = (allocatedBytes - previousBytes) / (at - since).TotalSeconds;
        if (rate >= options.QuietBytesPerSecond)
        {
            _quietSince = null;
            return false;
        }

        // Quiet from the previous sample on: the interval just measured was quiet.
        _quietSince ??= since;
        return allocatedBytes - _allocatedAtTrim >= options.AfterAllocatedBytes
            && at - _quietSince.Value >= options.QuietFor
            && (_lastTrim is not { } last || at - last >= options.MinInterval);
    }

    /// <summary>Records a trim that ended at <paramref name="at"/> with <paramref name="allocatedBytes"/> allocated so far.</summary>
    public void Trimmed(long allocatedBytes, TimeSpan at)
    {
        _allocatedAtTrim = allocatedBytes;
        _previousBytes = allocatedBytes;
        _previousAt = at;
        _lastTrim = at;
        _quietSince = null;
    }
}
