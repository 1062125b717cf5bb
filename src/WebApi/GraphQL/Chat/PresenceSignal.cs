namespace Voting.WebApi.GraphQL.Chat;

/// <summary>What crosses <see cref="PresenceTopic"/>: a user came online or went offline in a room.</summary>
public sealed record PresenceSignal(Guid RoomId, Guid UserId, bool Online, DateTimeOffset At);
