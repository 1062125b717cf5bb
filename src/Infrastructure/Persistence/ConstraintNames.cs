namespace Voting.Infrastructure.Persistence;

/// <summary>Unique indexes whose violation means a rule was broken by a race, mapped to an error code by the unit of work.</summary>
internal static class ConstraintNames
{
    public const string UniqueCitizenId = "IX_Users_CitizenId";
    public const string UniqueParticipation = "IX_Participations_ElectionId_VoterId";
    public const string UniqueBallotSequence = "IX_Ballots_ElectionId_Sequence";
    public const string UniqueReceipt = "IX_Ballots_ElectionId_ReceiptHash";
}
