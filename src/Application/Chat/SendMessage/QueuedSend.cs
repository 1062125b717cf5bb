using Voting.Domain.Users;

namespace Voting.Application.Chat.SendMessage;

/// <summary>
/// A message waiting in its room's queue (<see cref="RoomSendQueue"/>), and the caller's handle on its
/// outcome. Exactly one of <see cref="TryTake"/> (a batch takes it) and <see cref="TryWithdraw"/> (the
/// caller gave up first) succeeds, so a withdrawn message is never stored and a taken one always answered.
/// </summary>
public sealed class QueuedSend
{
    private const int Waiting = 0;
    private const int Taken = 1;
    private const int Withdrawn = 2;

    private readonly TaskCompletionSource<MessageView> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

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

    public Task<MessageView> Outcome => _outcome.Task;

    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Waiting) == Waiting;

    public bool TryWithdraw(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Withdrawn, Waiting) != Waiting)
        {
            return false;
        }

        _outcome.TrySetCanceled(cancellationToken);
        return true;
    }

    public void Succeed(MessageView message) => _outcome.TrySetResult(message);

    public void Fail(Exception exception) => _outcome.TrySetException(exception);
}
