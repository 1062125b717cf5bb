using System.ComponentModel.DataAnnotations;

namespace Voting.Infrastructure.Chat;

/// <summary>The <c>Chat:Retention</c> configuration section: how long rooms' log entries stay replayable (ADR 0028).</summary>
public sealed class RoomLogRetentionOptions
{
    public const string SectionName = "Chat:Retention";

    /// <summary>Run the retention service in this process. Every instance may: pruning twice is harmless.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a log entry stays replayable; a subscriber resuming from before that gets RESYNC_REQUIRED.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The pause between passes once a pass found nothing more to do.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The most entries one delete removes: each delete is its own short statement.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 1000;

    /// <summary>The most rooms one pass prunes before it starts the next.</summary>
    [Range(1, 100_000)]
    public int RoomsPerPass { get; set; } = 100;
}
