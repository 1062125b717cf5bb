namespace Voting.Infrastructure.Persistence;

/// <summary>Unique indexes whose violation means a rule was broken by a race, mapped to an error code by the unit of work.</summary>
internal static class ConstraintNames
{
    public const string UniqueCitizenId = "IX_Users_CitizenId";
    // The vote tables' keys are natural (ADR 0034): (election, voter) and (election, sequence).
    public const string UniqueParticipation = "PK_Participations";
    public const string UniqueBallotSequence = "PK_Ballots";
    public const string UniqueReceipt = "IX_Ballots_ElectionId_ReceiptHash";

    // Chat: a losing insert of these is re-run by the room's change, which then finds the winner's row.
    public const string UniqueClientMessageId = "IX_ChatMessages_RoomId_AuthorId_ClientMessageId";
    public const string UniqueMessageSequence = "IX_ChatMessages_RoomId_Sequence";
    public const string UniqueEventSequence = "PK_RoomEvents";
    public const string UniqueMember = "PK_RoomMembers";
    public const string UniqueDirectPair = "IX_ChatRooms_DirectKey";
    public const string UniqueElectionRoom = "IX_ChatRooms_ElectionId";
}
