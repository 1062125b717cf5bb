using System.ComponentModel.DataAnnotations;

namespace Voting.WebApi.Hosting;

/// <summary>When the server gives memory back after a burst (<see cref="IdleMemoryTrimmer"/>); section "Memory:IdleTrim".</summary>
public sealed class IdleMemoryTrimmerOptions
{
    public const string SectionName = "Memory:IdleTrim";

    public bool Enabled { get; set; } = true;

    /// <summary>Allocated since the last trim before a trim is worth it: a burst, not a trickle.</summary>
    [Range(1L * 1024 * 1024, long.MaxValue)]
    public long AfterAllocatedBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>Below this allocation rate the server counts as quiet.</summary>
    [Range(1L, long.MaxValue)]
    public long QuietBytesPerSecond { get; set; } = 1024 * 1024;

    /// <summary>How long it must stay quiet.</summary>
    public TimeSpan QuietFor { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The least time between two trims: a trim pauses the process (about 0.5 s with 10,000 connections).</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMinutes(5);
}
