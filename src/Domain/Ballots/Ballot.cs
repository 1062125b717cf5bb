using Voting.Domain.Elections;

namespace Voting.Domain.Ballots;

/// <summary>
/// A secret ballot: the election, the choice, the receipt's hash and the per-election sequence.
/// It holds no voter and no time, and shares no key with the <see cref="Participation"/>: its key is
/// (election, sequence), which orders ballots only among themselves (ADR 0034).
/// </summary>
public sealed class Ballot
{
    private Ballot()
    {
    }

    internal Ballot(ElectionId electionId, CandidateId candidateId, string receiptHash, long sequence)
    {
        ElectionId = electionId;
        CandidateId = candidateId;
        ReceiptHash = receiptHash;
        Sequence = sequence;
    }

    public ElectionId ElectionId { get; private set; }

    public CandidateId CandidateId { get; private set; }

    public string ReceiptHash { get; private set; } = string.Empty;

    /// <summary>1, 2, 3, … in the order ballots were recorded in this election, with no gaps.</summary>
    public long Sequence { get; private set; }
}
