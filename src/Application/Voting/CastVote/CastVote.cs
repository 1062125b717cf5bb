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
/// Casts the signed-in voter's ballot: the domain checks the rules, then one transaction stores
/// the participation, the ballot and the VoteCast outbox row. The unique (election, voter) index
/// settles races between instances: the loser gets ALREADY_VOTED.
/// </summary>
public sealed class CastVoteHandler(
    ICurrentUser currentUser,
    IUserRepository users,
    IElectionRepository elections,
    IBallotBox ballotBox,
    IUnitOfWork unitOfWork,
    IClock clock)
{
    public async Task<CastVoteReceipt> HandleAsync(CastVoteCommand command, CancellationToken cancellationToken)
    {
        var voterId = currentUser.RequireSignedIn();
        var voter = await users.GetAsync(voterId, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainException(ErrorCodes.Unauthenticated, "Your account no longer exists.");
        var election = await elections.GetRequiredAsync(command.ElectionId, cancellationToken).ConfigureAwait(false);
        var choice = BallotChoice.Single(command.CandidateId);
        var standing = new VoterStanding(
            await ballotBox.HasVotedAsync(election.Id, voterId, cancellationToken).ConfigureAwait(false),
            election.Eligibility == EligibilityMode.VoterRoll
                && await elections.IsOnVoterRollAsync(election.Id, voter.CitizenId, cancellationToken).ConfigureAwait(false));

        // Refuse before taking the sequence, so a doomed request never holds the election's counter.
        election.EnsureCanCast(voter, choice, standing, clock);

        var vote = await unitOfWork.InTransactionAsync(
            async ct =>
            {
                var sequence = await ballotBox.NextSequenceAsync(election.Id, ct).ConfigureAwait(false);
                var result = election.CastVote(voter, choice, standing, sequence, clock);
                ballotBox.Add(result);
                return result;
            },
            cancellationToken).ConfigureAwait(false);
        return new CastVoteReceipt(election.Id, vote.Receipt.Value, vote.Ballot.Sequence);
    }
}
