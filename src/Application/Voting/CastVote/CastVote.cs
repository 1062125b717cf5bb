using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Ballots;
using Voting.Domain.Common;
using Voting.Domain.Elections;

namespace Voting.Application.Voting.CastVote;

public sealed record CastVoteCommand(ElectionId ElectionId, CandidateId CandidateId);

/// <summary>The voter's receipt, shown once, and the place of their ballot in the election.</summary>
public sealed record CastVoteReceipt(ElectionId ElectionId, string Receipt, long Sequence);

/// <summary>
/// Casts the signed-in voter's ballot. What does not depend on the voter (the election exists and
/// takes votes) is refused at once; the ballot box then reads the voter in the transaction that
/// commits the vote, possibly together with other voters' votes (ADR 0025), and the domain checks
/// every rule there: the account exists, eligibility (role, voter roll), the choice. Whether the
/// voter already voted is decided there too, by the unique (election, voter) index, and reported as
/// ALREADY_VOTED to this voter only.
/// </summary>
public sealed class CastVoteHandler(
    ICurrentUser currentUser,
    IOpenElections openElections,
    IBallotBox ballotBox,
    IClock clock)
{
    public async Task<CastVoteReceipt> HandleAsync(CastVoteCommand command, CancellationToken cancellationToken)
    {
        var voterId = currentUser.RequireSignedIn();

        // Possibly shared with other votes (ADR 0025): only the rules read it; the ballot box casts on it.
        var election = await openElections.GetAsync(command.ElectionId, cancellationToken).ConfigureAwait(false)
            ?? throw DomainException.NotFound($"Election '{command.ElectionId}' was not found.");
        var choice = BallotChoice.Single(command.CandidateId);

        // Refuse before queueing what no voter could change, so such a request never joins a batch.
        election.EnsureTakingVotes(clock);

        var vote = await ballotBox.CommitAsync(
            new PendingVote(election, voterId, (record, sequence) => Cast(election, record, choice, sequence)),
            cancellationToken).ConfigureAwait(false);
        return new CastVoteReceipt(election.Id, vote.Receipt.Value, vote.Ballot.Sequence);
    }

    private CastVoteResult Cast(Election election, VoterOnRecord record, BallotChoice choice, long sequence)
    {
        var voter = record.User ?? throw new DomainException(ErrorCodes.Unauthenticated, "Your account no longer exists.");

        // "Has voted" is not read here: the ballot box's transaction knows it for certain.
        return election.CastVote(voter, choice, new VoterStanding(HasVoted: false, record.OnVoterRoll), sequence, clock);
    }
}
