using Voting.Domain.Ballots;
using Voting.Domain.Elections;
using Voting.Domain.Users;

namespace Voting.Application.Abstractions;

/// <summary>
/// A vote that passed the election's rules and waits for its place. The ballot box calls
/// <see cref="Cast"/> inside the transaction that commits it, with the sequence it takes there;
/// the domain checks the rules again then and raises VoteCast on <see cref="Election"/>.
/// </summary>
/// <param name="Election">The election the vote is for; the ballot box stores the events <see cref="Cast"/> raises on it.</param>
/// <param name="VoterId">The voter, whose participation the unique (election, voter) index allows once.</param>
/// <param name="Cast">Casts the vote with the given sequence (1, 2, 3, …); may throw a domain error for this vote only.</param>
public sealed record PendingVote(Election Election, UserId VoterId, Func<long, CastVoteResult> Cast);
