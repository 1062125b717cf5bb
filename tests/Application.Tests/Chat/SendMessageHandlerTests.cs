using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Chat;
using Voting.Application.Chat.SendMessage;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Chat;

public sealed class SendMessageHandlerTests
{
    private readonly ChatSetup _chat = new ChatSetup().Runs<List<Action>>();

    private static CancellationToken Ct => ChatSetup.Ct;

    [Fact]
    public async Task A_member_sends_in_the_locked_room_and_the_entry_is_published_after_the_commit()
    {
        var (room, owner) = _chat.Room(UserId.New());
        var committed = false;
        _chat.UnitOfWork.When(u => u.InTransactionAsync(Arg.Any<Func<CancellationToken, Task<List<Action>>>>(), Arg.Any<CancellationToken>())).Do(_ => committed = true);
        _chat.Publisher.When(p => p.PublishAsync(Arg.Any<IReadOnlyList<RoomEventView>>(), Arg.Any<CancellationToken>())).Do(_ => Assert.True(committed));

        var sent = await Handler(owner.UserId).HandleAsync(new SendMessageCommand(room.Id, "<b>hi</b>", "c1"), Ct);

        Assert.Equal(("<b>hi</b>", 2L, (UserId?)owner.UserId), (sent.Text, sent.Sequence, sent.AuthorId));
        Assert.Equal(sent.Id, Assert.Single(_chat.StoredMessages).Id);
        var published = Assert.Single(_chat.Published);
        Assert.Equal((RoomEventKind.MessageAdded, 2L, sent), (published.Kind, published.Sequence, published.Message));
        await _chat.RateLimiter.Received(1).TryAcquireAsync(owner.UserId, room.Id, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_retry_returns_the_first_message_without_spending_allowance_or_publishing()
    {
        var (room, owner) = _chat.Room(UserId.New());
        var first = room.Send(owner, "hello", "c1", null, _chat.Clock);
        room.TakeNewRecords();
        _chat.Chat.FindByClientMessageIdAsync(room.Id, owner.UserId, "c1", Arg.Any<CancellationToken>()).Returns(first);

        var again = await Handler(owner.UserId).HandleAsync(new SendMessageCommand(room.Id, "hello", "c1"), Ct);

        Assert.Equal(first.Id, again.Id);
        Assert.Empty(_chat.Published);
        Assert.Empty(_chat.RateLimiter.ReceivedCalls());
        Assert.Empty(_chat.UnitOfWork.ReceivedCalls());
        await _chat.Chat.DidNotReceive().LockAsync(Arg.Any<RoomId>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_retry_with_other_text_is_a_conflict_without_the_lock()
    {
        var (room, owner) = _chat.Room(UserId.New());
        var first = room.Send(owner, "hello", "c1", null, _chat.Clock);
        room.TakeNewRecords();
        _chat.Chat.FindByClientMessageIdAsync(room.Id, owner.UserId, "c1", Arg.Any<CancellationToken>()).Returns(first);

        await Refusals.RefusedAsync(ErrorCodes.Conflict, () => Handler(owner.UserId).HandleAsync(new SendMessageCommand(room.Id, "other", "c1"), Ct));
        await _chat.Chat.DidNotReceive().LockAsync(Arg.Any<RoomId>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task The_allowance_is_asked_for_before_the_room_is_locked_and_its_answer_used_under_the_lock()
    {
        var (room, owner) = _chat.Room(UserId.New());
        var allowance = new TaskCompletionSource<TimeSpan?>();
        _chat.RateLimiter.TryAcquireAsync(owner.UserId, room.Id, Arg.Any<CancellationToken>()).Returns(new ValueTask<TimeSpan?>(allowance.Task));
        var locked = new TaskCompletionSource();
        _chat.Chat.LockAsync(room.Id, Arg.Any<CancellationToken>()).Returns(_ =>
        {
            locked.TrySetResult();
            return room;
        });

        var sending = Handler(owner.UserId).HandleAsync(new SendMessageCommand(room.Id, "hi", "c1"), Ct);
        await locked.Task;
        _ = _chat.RateLimiter.Received(1).TryAcquireAsync(owner.UserId, room.Id, Arg.Any<CancellationToken>());
        Assert.False(sending.IsCompleted);
        allowance.SetResult(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<RateLimitedException>(() => sending);
        Assert.Empty(_chat.StoredMessages);
    }

    [Fact]
    public async Task A_send_that_loses_the_insert_race_runs_again_and_returns_the_stored_message_unpublished()
    {
        var (room, owner) = _chat.Room(UserId.New());
        var winner = room.Send(owner, "hello", "c1", null, _chat.Clock);
        room.TakeNewRecords();
        _chat.Chat.FindByClientMessageIdAsync(room.Id, owner.UserId, "c1", Arg.Any<CancellationToken>()).Returns(null, winner);
        var attempts = 0;
        _chat.UnitOfWork.InTransactionAsync(Arg.Any<Func<CancellationToken, Task<List<Action>>>>(), Arg.Any<CancellationToken>())
            .Returns(async call =>
            {
                var result = await call.Arg<Func<CancellationToken, Task<List<Action>>>>()(call.ArgAt<CancellationToken>(1));
                return ++attempts == 1 ? throw new ConcurrentInsertException("The first try's insert collided.") : result;
            });

        var sent = await Handler(owner.UserId).HandleAsync(new SendMessageCommand(room.Id, "hello", "c1"), Ct);

        Assert.Equal((winner.Id, 2), (sent.Id, attempts));
        Assert.Empty(_chat.Published);
    }

    [Fact]
    public async Task A_second_collision_is_a_conflict_for_the_caller()
    {
        var (room, owner) = _chat.Room(UserId.New());
        _chat.UnitOfWork.InTransactionAsync(Arg.Any<Func<CancellationToken, Task<List<Action>>>>(), Arg.Any<CancellationToken>())
            .Returns<Task<List<Action>>>(_ => throw new ConcurrentInsertException("Collided."));

        await Refusals.RefusedAsync(ErrorCodes.Conflict, () => Handler(owner.UserId).HandleAsync(new SendMessageCommand(room.Id, "hello", "c1"), Ct));
        await _chat.UnitOfWork.Received(2).InTransactionAsync(Arg.Any<Func<CancellationToken, Task<List<Action>>>>(), Arg.Any<CancellationToken>());
        Assert.Empty(_chat.Published);
    }

    [Fact]
    public async Task Over_the_limit_the_send_is_refused_with_the_wait_and_nothing_is_published()
    {
        var (room, owner) = _chat.Room(UserId.New());
        _chat.RateLimiter.TryAcquireAsync(owner.UserId, room.Id, Arg.Any<CancellationToken>()).Returns(ValueTask.FromResult<TimeSpan?>(TimeSpan.FromMilliseconds(2100)));

        var refusal = await Assert.ThrowsAsync<RateLimitedException>(() => Handler(owner.UserId).HandleAsync(new SendMessageCommand(room.Id, "spam", "c9"), Ct));

        Assert.Equal((ErrorCodes.RateLimited, 3), (refusal.Code, refusal.RetryAfterSeconds));
        Assert.Empty(_chat.StoredMessages);
        Assert.Empty(_chat.Published);
    }

    [Fact]
    public async Task Anonymous_callers_are_refused_before_anything_is_read()
    {
        await Refusals.RefusedAsync(ErrorCodes.Unauthenticated, () => Handler(null).HandleAsync(new SendMessageCommand(RoomId.New(), "hi", "c"), Ct));
        Assert.Empty(_chat.Chat.ReceivedCalls());
    }

    [Fact]
    public async Task A_missing_client_id_fails_validation() =>
        await Refusals.InvalidAsync(() => Handler(UserId.New()).HandleAsync(new SendMessageCommand(RoomId.New(), "hi", ""), Ct), nameof(SendMessageCommand.ClientMessageId));

    [Fact]
    public async Task An_unknown_room_is_not_found() =>
        await Refusals.RefusedAsync(ErrorCodes.RoomNotFound, () => Handler(UserId.New()).HandleAsync(new SendMessageCommand(RoomId.New(), "hi", "c"), Ct));

    [Fact]
    public async Task A_muted_member_is_refused_and_nothing_is_stored()
    {
        var (room, owner) = _chat.Room(UserId.New());
        var member = _chat.Member(room, owner);
        room.Mute(owner, member, _chat.Clock.UtcNow.AddMinutes(1), _chat.Clock);
        room.TakeNewRecords();

        await Refusals.RefusedAsync(ErrorCodes.Muted, () => Handler(member.UserId).HandleAsync(new SendMessageCommand(room.Id, "hi", "c"), Ct));
        Assert.Empty(_chat.StoredMessages);
        Assert.Empty(_chat.Published);
    }

    private SendMessageHandler Handler(UserId? caller) =>
        new(new SendMessageValidator(), caller is { } id ? Callers.SignedIn(Domain.Users.Role.Voter, id) : Callers.Anonymous(), _chat.Chat, _chat.RateLimiter, _chat.SendQueue(), _chat.Clock);
}
