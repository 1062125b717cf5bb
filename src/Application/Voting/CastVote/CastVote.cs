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
/// Casts the signed-in voter's ballot: the domain checks the rules, then the ballot box commits the
/// participation, the ballot and the VoteCast event, possibly together with other voters' votes
/// (ADR 0025). Whether the voter already voted is decided there, by the unique (election, voter)
/// index, and reported as ALREADY_VOTED to this voter only.
/// </summary>
public sealed class CastVoteHandler(
    ICurrentUser currentUser,
    IVoters voters,
    IOpenElections openElections,
    IBallotBox ballotBox,
    IClock clock)
{
    public async Task<CastVoteReceipt> HandleAsync(CastVoteCommand command, CancellationToken cancellationToken)
    {
        var voterId = currentUser.RequireSignedIn();
        var voter = await voters.GetAsync(voterId, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainException(ErrorCodes.Unauthenticated, "Your account no longer exists.");

        // Possibly shared with other votes (ADR 0025): only the rules read it; the ballot box casts on it.
        var election = await openElections.GetAsync(command.ElectionId, cancellationToken).ConfigureAwait(false)
            ?? throw DomainException.NotFound($"Election '{command.ElectionId}' was not found.");
        var choice = BallotChoice.Single(command.CandidateId);

        // "Has voted" is not read here: the ballot box's transaction knows it for certain, and a read
        // before it would only repeat that answer one round trip earlier.
        var standing = new VoterStanding(
            HasVoted: false,
            election.Eligibility == EligibilityMode.VoterRoll
                && await voters.IsOnVoterRollAsync(election.Id, voter.CitizenId, cancellationToken).ConfigureAwait(false));

        // Refuse before queueing, so a doomed request never joins a batch.
        election.EnsureCanCast(voter, choice, standing, clock);

        var vote = await ballotBox.CommitAsync(
            new PendingVote(election, voterId, sequence => election.CastVote(voter, choice, standing, sequence, clock)),
            cancellationToken).ConfigureAwait(false);
        return new CastVoteReceipt(election.Id, vote.Receipt.Value, vote.Ballot.Sequence);
    }
}
