using Voting.Application.Common;
using Voting.Domain.Users;

namespace Voting.Application.Chat.SendMessage;

/// <summary>A message waiting in its room's queue (<see cref="RoomSendQueue"/>), and the caller's handle on its outcome.</summary>
public sealed class QueuedSend : QueuedOutcome<MessageView>
{
    /// <param name="sender">The signed-in sender.</param>
    /// <param name="text">The text, as given.</param>
    /// <param name="clientMessageId">The client's ID for the message.</param>
    /// <param name="charge">The sender's allowance, asked for already: null when granted, otherwise the wait.</param>
    public QueuedSend(UserId sender, string text, string clientMessageId, Task<TimeSpan?> charge)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(clientMessageId);
        ArgumentNullException.ThrowIfNull(charge);
        (Sender, Text, ClientMessageId, Charge) = (sender, text, clientMessageId, charge);
    }

    public UserId Sender { get; }

    public string Text { get; }

    public string ClientMessageId { get; }

    public Task<TimeSpan?> Charge { get; }
}
