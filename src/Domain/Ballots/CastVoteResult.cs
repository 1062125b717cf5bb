namespace Voting.Domain.Ballots;

/// <summary>The two unlinkable records a vote produces, and the receipt shown to the voter once.</summary>
public sealed record CastVoteResult(Participation Participation, Ballot Ballot, Receipt Receipt);
