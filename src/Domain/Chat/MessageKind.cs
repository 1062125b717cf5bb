namespace Voting.Domain.Chat;

public enum MessageKind
{
    /// <summary>Written by a member.</summary>
    User = 0,

    /// <summary>Posted by the system (a welcome, an election's progress); has no author.</summary>
    System = 1,
}
