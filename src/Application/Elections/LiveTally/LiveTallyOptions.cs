using System.ComponentModel.DataAnnotations;

namespace Voting.Application.Elections.LiveTally;

/// <summary>The <c>Tallies</c> configuration section.</summary>
public sealed class LiveTallyOptions
{
    public const string SectionName = "Tallies";

    /// <summary>The most snapshots published per second for one election; votes in between are coalesced into the next one.</summary>
    [Range(1, 1000)]
    public int MaxUpdatesPerSecond { get; set; } = 10;
}
