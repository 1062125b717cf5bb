namespace Voting.Domain.Elections;

/// <summary>
/// How a ballot is marked. Only single choice exists today; approval and ranked ballots add a
/// member here and their rule in <see cref="BallotChoice"/> validation (see ADR 0002).
/// </summary>
public enum BallotKind
{
    SingleChoice = 0,
}
