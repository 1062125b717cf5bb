namespace Voting.Domain.Elections;

public readonly record struct CandidateId(Guid Value)
{
    public static CandidateId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
