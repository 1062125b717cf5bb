using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Chat;
using Voting.Domain.Common;

namespace Voting.Application.Chat.SignalTyping;

public sealed record SignalTypingCommand(RoomId RoomId);

/// <summary>A member who may send says they are typing; nothing is stored and nothing takes a sequence.</summary>
public sealed class SignalTypingHandler(ICurrentUser currentUser, IChatRepository chat, ITypingNotifier notifier, IClock clock)
{
    public async Task<bool> HandleAsync(SignalTypingCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var typist = currentUser.RequireSignedIn();
        var room = await chat.GetAsync(command.RoomId, cancellationToken).ConfigureAwait(false) ?? throw RoomTransactions.RoomNotFound(command.RoomId);
        var member = await chat.GetMemberAsync(room.Id, typist, cancellationToken).ConfigureAwait(false);
        room.EnsureCanSend(member, clock);
        return await notifier.NotifyAsync(room.Id, typist, cancellationToken).ConfigureAwait(false);
    }
}
