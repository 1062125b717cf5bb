using NSubstitute;
using Voting.Application.Chat;
using Voting.Application.Chat.SendDirectMessage;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Chat;

public sealed class SendDirectMessageHandlerTests
{
    private readonly ChatSetup _chat = new ChatSetup().Runs<MessageView>();
    private readonly UserId _alice = UserId.New();
    private readonly UserId _bob = UserId.New();

    public SendDirectMessageHandlerTests()
    {
        _chat.Users.GetAsync(_bob, Arg.Any<CancellationToken>()).Returns(TestUsers.Voter(_chat.Clock, 2));
        _chat.Users.GetAsync(_alice, Arg.Any<CancellationToken>()).Returns(TestUsers.Voter(_chat.Clock, 1));
    }

    private static CancellationToken Ct => ChatSetup.Ct;

    [Fact]
    public async Task The_first_message_creates_the_pair_s_conversation_with_both_members()
    {
        ChatRoom? created = null;
        _chat.Chat.TryAddDirectAsync(Arg.Do<ChatRoom>(r => created = r), Arg.Any<CancellationToken>()).Returns(true);
        _chat.Chat.Add(Arg.Do<RoomRecords>(records =>
        {
            foreach (var member in records.Members)
            {
                _chat.Known(member);
            }
        }));

        var sent = await Handler(_alice).HandleAsync(new SendDirectMessageCommand(_bob, "hi", "c1"), Ct);

        Assert.NotNull(created);
        Assert.Equal((RoomKind.Direct, ChatRoom.DirectKeyOf(_alice, _bob), created.Id), (created.Kind, created.DirectKey, sent.RoomId));
        Assert.Equal([_alice, _bob], _chat.Stored.SelectMany(r => r.Members).Select(m => m.UserId));
        Assert.Equal(3, sent.Sequence);
    }

    [Fact]
    public async Task When_a_racing_request_made_the_conversation_first_the_message_goes_there()
    {
        var theirs = ChatRoom.Direct(_bob, _alice, _chat.Clock);
        foreach (var member in theirs.TakeNewRecords().Members)
        {
            _chat.Known(member);
        }

        var key = ChatRoom.DirectKeyOf(_alice, _bob);
        _chat.Chat.LockDirectAsync(key, Arg.Any<CancellationToken>()).Returns(null, theirs);
        _chat.Chat.TryAddDirectAsync(Arg.Any<ChatRoom>(), Arg.Any<CancellationToken>()).Returns(false);

        var sent = await Handler(_alice).HandleAsync(new SendDirectMessageCommand(_bob, "hi", "c1"), Ct);

        Assert.Equal(theirs.Id, sent.RoomId);
        Assert.Empty(_chat.Stored.SelectMany(r => r.Members));
    }

    [Fact]
    public async Task Messages_to_oneself_and_to_unknown_users_are_refused()
    {
        await Refusals.RefusedAsync(ErrorCodes.Validation, () => Handler(_alice).HandleAsync(new SendDirectMessageCommand(_alice, "hi", "c"), Ct));
        await Refusals.RefusedAsync(ErrorCodes.NotFound, () => Handler(_alice).HandleAsync(new SendDirectMessageCommand(UserId.New(), "hi", "c"), Ct));
        Assert.Empty(_chat.Chat.ReceivedCalls());
    }

    private SendDirectMessageHandler Handler(UserId caller) =>
        new(new SendDirectMessageValidator(), Callers.SignedIn(Domain.Users.Role.Voter, caller), _chat.Users, _chat.Chat, _chat.RateLimiter, _chat.UnitOfWork, _chat.Publisher, _chat.Clock);
}
