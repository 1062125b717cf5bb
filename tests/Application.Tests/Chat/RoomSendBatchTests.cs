using NSubstitute;
using Voting.Application.Chat;
using Voting.Application.Chat.SendMessage;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Chat;

public sealed class RoomSendBatchTests
{
    private readonly ChatSetup _chat = new ChatSetup().Runs<List<Action>>();

    private static readonly Task<TimeSpan?> Granted = Task.FromResult<TimeSpan?>(null);

    [Fact]
    public async Task A_batch_stores_its_messages_in_one_transaction_in_order_and_answers_each_after_the_commit()
    {
        var (room, owner) = _chat.Room(UserId.New());
        var member = _chat.Member(room, owner);
        var committed = false;
        _chat.UnitOfWork.When(u => u.InTransactionAsync(Arg.Any<Func<CancellationToken, Task<List<Action>>>>(), Arg.Any<CancellationToken>())).Do(_ => committed = true);
        QueuedSend[] batch = [new(owner.UserId, "one", "a", Granted), new(member.UserId, "two", "b", Granted), new(owner.UserId, "three", "c", Granted)];
        foreach (var send in batch)
        {
            _ = send.Outcome.ContinueWith(_ => Assert.True(committed), TaskScheduler.Default);
        }

        await Batch().CommitAsync(room.Id, batch);

        var answers = await Task.WhenAll(batch.Select(s => s.Outcome));
        Assert.Equal([("one", 4L), ("two", 5L), ("three", 6L)], answers.Select(m => (m.Text, m.Sequence)));
        Assert.Equal(["one", "two", "three"], _chat.StoredMessages.Select(m => m.Text));
        Assert.Equal([4L, 5L, 6L], _chat.Published.Select(e => e.Sequence));
        await _chat.UnitOfWork.ReceivedOneTransactionOf<List<Action>>();
        await _chat.Chat.DidNotReceive().LockAsync(Arg.Is<RoomId>(r => r != room.Id), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_refused_message_is_answered_alone_and_the_others_are_stored()
    {
        var (room, owner) = _chat.Room(UserId.New());
        var muted = _chat.Member(room, owner);
        room.Mute(owner, muted, _chat.Clock.UtcNow.AddMinutes(5), _chat.Clock);
        var hasty = _chat.Member(room, owner);
        room.TakeNewRecords();
        var stranger = UserId.New();
        QueuedSend[] batch =
        [
            new(muted.UserId, "quiet please", "m", Granted),
            new(stranger, "let me in", "s", Granted),
            new(hasty.UserId, "again", "h", Task.FromResult<TimeSpan?>(TimeSpan.FromSeconds(2))),
            new(owner.UserId, "\u0007bell", "x", Granted),
            new(owner.UserId, "kept", "k", Granted),
        ];

        await Batch().CommitAsync(room.Id, batch);

        Assert.Equal(ErrorCodes.Muted, (await Assert.ThrowsAsync<DomainException>(() => batch[0].Outcome)).Code);
        Assert.Equal(ErrorCodes.NotAMember, (await Assert.ThrowsAsync<DomainException>(() => batch[1].Outcome)).Code);
        Assert.Equal(ErrorCodes.RateLimited, (await Assert.ThrowsAsync<RateLimitedException>(() => batch[2].Outcome)).Code);
        Assert.Equal(ErrorCodes.InvalidText, (await Assert.ThrowsAsync<DomainException>(() => batch[3].Outcome)).Code);
        var kept = await batch[4].Outcome;
        Assert.Equal(("kept", room.LastSequence), (kept.Text, kept.Sequence));
        Assert.Equal(["kept"], _chat.StoredMessages.Select(m => m.Text));
    }

    [Fact]
    public async Task A_retry_refused_its_allowance_gets_the_message_its_first_attempt_stored()
    {
        var (room, owner) = _chat.Room(UserId.New());
        var first = room.Send(owner, "hello", "c1", null, _chat.Clock);
        room.TakeNewRecords();
        _chat.Chat.FindByClientMessageIdAsync(room.Id, owner.UserId, "c1", Arg.Any<CancellationToken>()).Returns(first);
        var retry = new QueuedSend(owner.UserId, "hello", "c1", Task.FromResult<TimeSpan?>(TimeSpan.FromSeconds(3)));
        var spam = new QueuedSend(owner.UserId, "more", "c2", Task.FromResult<TimeSpan?>(TimeSpan.FromSeconds(3)));

        await Batch().CommitAsync(room.Id, [retry, spam]);

        Assert.Equal(first.Id, (await retry.Outcome).Id);
        await Assert.ThrowsAsync<RateLimitedException>(() => spam.Outcome);
        Assert.Empty(_chat.StoredMessages);
    }

    [Fact]
    public async Task A_room_refusal_comes_before_the_allowance_is_looked_at()
    {
        var (room, owner) = _chat.Room(UserId.New());
        var never = new TaskCompletionSource<TimeSpan?>();
        var send = new QueuedSend(UserId.New(), "hi", "c", never.Task);

        await Batch().CommitAsync(room.Id, [send]);

        Assert.Equal(ErrorCodes.NotAMember, (await Assert.ThrowsAsync<DomainException>(() => send.Outcome)).Code);
        Assert.False(never.Task.IsCompleted);
    }

    [Fact]
    public async Task The_same_client_id_twice_in_a_batch_is_stored_once_and_both_get_it()
    {
        var (room, owner) = _chat.Room(UserId.New());
        QueuedSend[] batch = [new(owner.UserId, "hello", "same", Granted), new(owner.UserId, "hello", "same", Granted)];

        await Batch().CommitAsync(room.Id, batch);

        var (first, second) = (await batch[0].Outcome, await batch[1].Outcome);
        Assert.Equal(first.Id, second.Id);
        Assert.Single(_chat.StoredMessages);
    }

    [Fact]
    public async Task A_failing_commit_answers_none_and_fails_the_caller()
    {
        var (room, owner) = _chat.Room(UserId.New());
        _chat.UnitOfWork.InTransactionAsync(Arg.Any<Func<CancellationToken, Task<List<Action>>>>(), Arg.Any<CancellationToken>())
            .Returns(async call =>
            {
                var answers = await call.Arg<Func<CancellationToken, Task<List<Action>>>>()(call.ArgAt<CancellationToken>(1));
                return answers.Count >= 0 ? throw new InvalidOperationException("The commit failed.") : answers;
            });
        var send = new QueuedSend(owner.UserId, "lost?", "c", Granted);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Batch().CommitAsync(room.Id, [send]));

        Assert.False(send.Outcome.IsCompleted);
        Assert.Empty(_chat.Published);
    }

    [Fact]
    public async Task The_queue_batches_what_waits_while_a_batch_commits_and_skips_a_withdrawn_send()
    {
        var (room, owner) = _chat.Room(UserId.New());
        var firstInside = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var transactions = 0;
        _chat.UnitOfWork.InTransactionAsync(Arg.Any<Func<CancellationToken, Task<List<Action>>>>(), Arg.Any<CancellationToken>())
            .Returns(async call =>
            {
                if (Interlocked.Increment(ref transactions) == 1)
                {
                    firstInside.SetResult();
                    await release.Task;
                }

                return await call.Arg<Func<CancellationToken, Task<List<Action>>>>()(call.ArgAt<CancellationToken>(1));
            });
        var queue = _chat.SendQueue();

        var first = queue.SendAsync(room.Id, new QueuedSend(owner.UserId, "first", "1", Granted), ChatSetup.Ct);
        await firstInside.Task;
        using var giveUp = new CancellationTokenSource();
        var withdrawn = queue.SendAsync(room.Id, new QueuedSend(owner.UserId, "never mind", "w", Granted), giveUp.Token);
        var waiting = Enumerable.Range(2, 5).Select(i => queue.SendAsync(room.Id, new QueuedSend(owner.UserId, $"m{i}", $"{i}", Granted), ChatSetup.Ct)).ToList();
        await giveUp.CancelAsync();
        release.SetResult();

        Assert.Equal("first", (await first).Text);
        Assert.Equal(["m2", "m3", "m4", "m5", "m6"], (await Task.WhenAll(waiting)).Select(m => m.Text));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withdrawn);
        Assert.Equal(2, transactions);
        Assert.DoesNotContain("never mind", _chat.StoredMessages.Select(m => m.Text));
    }

    [Fact]
    public async Task Senders_rows_read_before_the_lock_are_used_while_the_room_has_not_moved_on()
    {
        var (room, owner) = _chat.Room(UserId.New());
        room.TakeNewRecords();
        _chat.Chat.ReadMembersAsync(room.Id, Arg.Any<IReadOnlyCollection<UserId>>(), Arg.Any<CancellationToken>())
            .Returns(new RoomMembersSnapshot(room.LastSequence, new Dictionary<UserId, RoomMember> { [owner.UserId] = owner }));
        var send = new QueuedSend(owner.UserId, "hi", "c", Granted);

        await Batch().CommitAsync(room.Id, [send]);

        Assert.Equal("hi", (await send.Outcome).Text);
        await _chat.Chat.DidNotReceive().GetMembersAsync(Arg.Any<RoomId>(), Arg.Any<IReadOnlyCollection<UserId>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Senders_rows_are_read_again_under_the_lock_when_the_room_moved_on_since()
    {
        var (room, owner) = _chat.Room(UserId.New());
        var member = _chat.Member(room, owner);
        room.TakeNewRecords();
        var before = room.LastSequence;
        var unmuted = new Dictionary<UserId, RoomMember> { [member.UserId] = member };

        // The member was muted after the early read: the mute took a sequence, so the early rows are not used.
        room.Mute(owner, member, _chat.Clock.UtcNow.AddMinutes(5), _chat.Clock);
        room.TakeNewRecords();
        _chat.Chat.ReadMembersAsync(room.Id, Arg.Any<IReadOnlyCollection<UserId>>(), Arg.Any<CancellationToken>())
            .Returns(new RoomMembersSnapshot(before, unmuted));
        var send = new QueuedSend(member.UserId, "let me speak", "c", Granted);

        await Batch().CommitAsync(room.Id, [send]);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => send.Outcome);
        Assert.Equal(ErrorCodes.Muted, refusal.Code);
        await _chat.Chat.Received(1).GetMembersAsync(room.Id, Arg.Any<IReadOnlyCollection<UserId>>(), Arg.Any<CancellationToken>());
    }

    private RoomSendBatch Batch() => new(_chat.UnitOfWork, _chat.Chat, _chat.Publisher, _chat.Clock);
}
