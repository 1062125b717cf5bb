namespace Voting.Domain.Elections;

public readonly record struct ElectionId(Guid Value)
{
    public static ElectionId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
