namespace Voting.Application.Chat;

/// <summary>A page of messages in sequence order; sequences are the cursors.</summary>
public sealed record MessagePage(IReadOnlyList<MessageView> Messages, bool HasPreviousPage, bool HasNextPage);
