namespace Voting.Domain.Ballots;

/// <summary>
/// Facts about a voter that live outside the election aggregate (they are looked up by the use
/// case): whether they already took part, and whether their citizen ID is on the election's roll.
/// </summary>
public sealed record VoterStanding(bool HasVoted, bool OnVoterRoll);
