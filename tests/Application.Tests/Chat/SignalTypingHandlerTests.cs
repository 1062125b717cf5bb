using NSubstitute;
using Voting.Application.Chat;
using Voting.Application.Chat.SignalTyping;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Chat;

public sealed class SignalTypingHandlerTests
{
    private readonly ChatSetup _chat = new();
    private readonly ITypingNotifier _notifier = Substitute.For<ITypingNotifier>();

    private static CancellationToken Ct => ChatSetup.Ct;

    [Fact]
    public async Task A_member_who_may_send_is_passed_on_and_nothing_is_stored()
    {
        var (room, owner) = _chat.Room(UserId.New());
        _notifier.NotifyAsync(room.Id, owner.UserId, Arg.Any<CancellationToken>()).Returns(true);

        Assert.True(await Handler(owner.UserId).HandleAsync(new SignalTypingCommand(room.Id), Ct));
        Assert.Empty(_chat.UnitOfWork.ReceivedCalls());
        Assert.Equal(1, room.LastSequence);
    }

    [Fact]
    public async Task Muted_members_and_non_members_do_not_type()
    {
        var (room, owner) = _chat.Room(UserId.New());
        var member = _chat.Member(room, owner);
        room.Mute(owner, member, _chat.Clock.UtcNow.AddMinutes(1), _chat.Clock);

        await Refusals.RefusedAsync(ErrorCodes.Muted, () => Handler(member.UserId).HandleAsync(new SignalTypingCommand(room.Id), Ct));
        await Refusals.RefusedAsync(ErrorCodes.NotAMember, () => Handler(UserId.New()).HandleAsync(new SignalTypingCommand(room.Id), Ct));
        Assert.Empty(_notifier.ReceivedCalls());
    }

    private SignalTypingHandler Handler(UserId caller) => new(Callers.SignedIn(Role.Voter, caller), _chat.Chat, _notifier, _chat.Clock);
}
