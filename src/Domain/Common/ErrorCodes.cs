namespace Voting.Domain.Common;

/// <summary>
/// The one list of error codes the system reports. Each refusal carries exactly one of these,
/// and the GraphQL boundary maps it unchanged to <c>extensions.code</c>.
/// </summary>
public static class ErrorCodes
{
    public const string Validation = "VALIDATION";
    public const string NotFound = "NOT_FOUND";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string AlreadyVoted = "ALREADY_VOTED";
    public const string NotEligible = "NOT_ELIGIBLE";
    public const string ElectionNotOpen = "ELECTION_NOT_OPEN";
    public const string InvalidState = "INVALID_STATE";
    public const string DuplicateCitizenId = "DUPLICATE_CITIZEN_ID";
    public const string InvalidCredentials = "INVALID_CREDENTIALS";
    public const string InvalidRefreshToken = "INVALID_REFRESH_TOKEN";
    public const string RefreshTokenReused = "REFRESH_TOKEN_REUSED";
    public const string RateLimited = "RATE_LIMITED";
    public const string Conflict = "CONFLICT";
    public const string RoomNotFound = "ROOM_NOT_FOUND";
    public const string MessageNotFound = "MESSAGE_NOT_FOUND";
    public const string NotAMember = "NOT_A_MEMBER";
    public const string Muted = "MUTED";
    public const string Banned = "BANNED";
    public const string MessageTooLong = "MESSAGE_TOO_LONG";
    public const string InvalidText = "INVALID_TEXT";

    /// <summary>The owner asked to leave a room: a room always has an owner, so ownership must be handed over first.</summary>
    public const string OwnershipTransferRequired = "OWNERSHIP_TRANSFER_REQUIRED";

    /// <summary>A replay asked for log entries retention has removed: the client refetches the room and starts again.</summary>
    public const string ResyncRequired = "RESYNC_REQUIRED";
}
