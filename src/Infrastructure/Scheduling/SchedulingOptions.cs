using System.ComponentModel.DataAnnotations;

namespace Voting.Infrastructure.Scheduling;

/// <summary>The <c>Scheduling</c> configuration section: the service that opens and closes elections on time.</summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>Run the scheduler in this process. Every instance may: each step is an optimistic-concurrency update.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The longest sleep between passes; the scheduler wakes earlier for the nearest opening or closing time.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most elections one pass advances.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;
}
