using Voting.Domain.Elections;

namespace Voting.Infrastructure.Persistence;

/// <summary>The last ballot sequence taken in an election; incremented inside each vote's transaction.</summary>
internal sealed class BallotSequence
{
    public ElectionId ElectionId { get; set; }

    public long LastSequence { get; set; }
}
