using Voting.Domain.Ballots;
using Voting.Domain.Elections;
using Voting.Domain.Users;

namespace Voting.Application.Abstractions;

/// <summary>
/// A vote for an election that takes votes, waiting for its place. The ballot box reads the voter
/// (and, for an election with a voter roll, whether their citizen ID is on it) in the transaction
/// that commits the vote, then calls <see cref="Cast"/> with what it read and the sequence the vote
/// takes there; the domain checks every rule then and raises VoteCast on <see cref="Election"/>.
/// </summary>
/// <param name="Election">The election the vote is for; the ballot box stores the events <see cref="Cast"/> raises on it.</param>
/// <param name="VoterId">The voter, whose participation the unique (election, voter) index allows once.</param>
/// <param name="Cast">Casts the vote for the voter as read (null when there is no such user) with the given sequence (1, 2, 3, …); may throw a domain error for this vote only.</param>
public sealed record PendingVote(Election Election, UserId VoterId, Func<VoterOnRecord, long, CastVoteResult> Cast);

/// <summary>The voter as the ballot box read them in the vote's transaction.</summary>
/// <param name="User">The user, or null when the account no longer exists.</param>
/// <param name="OnVoterRoll">Whether the user's citizen ID is on the election's voter roll (false when the election has none).</param>
public readonly record struct VoterOnRecord(User? User, bool OnVoterRoll);
