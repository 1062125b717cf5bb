namespace Voting.Domain.Chat;

/// <summary>Who may be in a room and how they get there.</summary>
public enum RoomKind
{
    /// <summary>The one room of an election, made with it; any signed-in user may join.</summary>
    Election = 0,

    /// <summary>Any signed-in user may join.</summary>
    Public = 1,

    /// <summary>Joined by invitation only.</summary>
    Private = 2,

    /// <summary>Exactly two users, one room per pair, made by the first message between them.</summary>
    Direct = 3,
}
