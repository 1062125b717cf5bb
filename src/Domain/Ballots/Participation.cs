using Voting.Domain.Elections;
using Voting.Domain.Users;

namespace Voting.Domain.Ballots;

/// <summary>
/// The public fact that a voter took part in an election. It holds no trace of the ballot: no
/// choice, no sequence, no receipt, and its time is kept only to the hour (ADR 0002). Its key is
/// (election, voter): one person, one vote (ADR 0034).
/// </summary>
public sealed class Participation
{
    private Participation()
    {
    }

    internal Participation(ElectionId electionId, UserId voterId, DateTimeOffset at)
    {
        ElectionId = electionId;
        VoterId = voterId;
        VotedAt = TruncateToHour(at);
    }

    public ElectionId ElectionId { get; private set; }

    public UserId VoterId { get; private set; }

    /// <summary>When the voter took part, truncated to the hour (UTC).</summary>
    public DateTimeOffset VotedAt { get; private set; }

    internal static DateTimeOffset TruncateToHour(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }
}
