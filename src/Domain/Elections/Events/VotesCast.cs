using Voting.Domain.Common;

namespace Voting.Domain.Elections.Events;

/// <summary>
/// Ballots <see cref="FirstSequence"/> to <see cref="LastSequence"/> of one election were recorded together,
/// <see cref="Candidates"/>[i] being the choice of ballot <c>FirstSequence + i</c>: the <see cref="VoteCast"/>
/// events of one committed batch as one event (one outbox row, one delivery; ADR 0035). Like VoteCast it
/// names choices and sequences, never a voter, and its time is the hour only (ADR 0002).
/// </summary>
public sealed record VotesCast(ElectionId ElectionId, long FirstSequence, IReadOnlyList<CandidateId> Candidates, DateTimeOffset OccurredAt)
    : IDomainEvent
{
    /// <summary>The sequence of the batch's last ballot.</summary>
    public long LastSequence => FirstSequence + Candidates.Count - 1;

    /// <summary>One vote on its own (a VoteCast stored before votes were combined).</summary>
    public static VotesCast Of(VoteCast vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return new VotesCast(vote.ElectionId, vote.Sequence, [vote.CandidateId], vote.OccurredAt);
    }

    /// <summary>
    /// Combines the VoteCast events of one election whose sequences, once sorted, follow each other without a
    /// gap (as a batch's do); its time is the latest of theirs.
    /// </summary>
    public static VotesCast Combine(IReadOnlyCollection<VoteCast> votes)
    {
        ArgumentNullException.ThrowIfNull(votes);
        if (votes.Count == 0)
        {
            throw new ArgumentException("There is no vote to combine.", nameof(votes));
        }

        var ordered = votes.OrderBy(v => v.Sequence).ToArray();
        var first = ordered[0];
        for (var i = 1; i < ordered.Length; i++)
        {
            if (ordered[i].ElectionId != first.ElectionId || ordered[i].Sequence != first.Sequence + i)
            {
                throw new ArgumentException("Combined votes are of one election, with consecutive sequences.", nameof(votes));
            }
        }

        return new VotesCast(first.ElectionId, first.Sequence, ordered.Select(v => v.CandidateId).ToArray(), ordered.Max(v => v.OccurredAt));
    }
}
