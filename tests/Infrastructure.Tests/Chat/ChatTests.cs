using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Voting.Application.Abstractions;
using Voting.Application.Chat;
using Voting.Application.Chat.CreateRoom;
using Voting.Application.Chat.DeleteMessage;
using Voting.Application.Chat.EditMessage;
using Voting.Application.Chat.GetMessages;
using Voting.Application.Chat.GetMyDirectConversations;
using Voting.Application.Chat.GetMyRooms;
using Voting.Application.Chat.GetRoomEvents;
using Voting.Application.Chat.JoinRoom;
using Voting.Application.Chat.MarkRead;
using Voting.Application.Chat.SendDirectMessage;
using Voting.Application.Chat.SendMessage;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Elections.Events;
using Voting.Domain.Users;
using Voting.Infrastructure.Persistence;
using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Chat;

/// <summary>Chat's use cases on a real database; run once on PostgreSQL and once on SQLite.</summary>
public abstract class ChatTests(DatabaseFixture fixture) : DatabaseTests(fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_sends_from_many_users_get_distinct_gapless_sequences()
    {
        var users = await Scenario.SeedVotersAsync(11);
        var room = await CreateRoomAsync(users[0]);
        foreach (var user in users.Skip(1))
        {
            await AsAsync(user, () => Scenario.RunAsync<JoinRoomHandler, RoomMemberView>(h => h.HandleAsync(new JoinRoomCommand(room), Ct)));
        }

        var before = await LastSequenceAsync(room);
        var sends = users.Skip(1).SelectMany(user => Enumerable.Range(0, 5).Select(i => Task.Run(() => SendAsync(user, room, $"message {i}", $"c{i}"))));
        var messages = await Task.WhenAll(sends);

        Assert.Equal(Enumerable.Range(1, 50).Select(i => before + i), messages.Select(m => m.Sequence).Order());
        var log = await Fixture.InScopeAsync(services => services.GetRequiredService<VotingDbContext>().RoomEvents
            .Where(e => e.RoomId == room).OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync(Ct));
        Assert.Equal(Enumerable.Range(1, log.Count).Select(i => (long)i), log);
        Assert.Equal(before + 50, await LastSequenceAsync(room));
    }

    [Fact]
    public async Task Concurrent_retries_of_one_send_store_one_message_and_all_get_it()
    {
        var users = await Scenario.SeedVotersAsync(1);
        var room = await CreateRoomAsync(users[0]);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => SendAsync(users[0], room, "only once", "retry-me"))));

        Assert.Single(results.Select(r => r.Id).Distinct());
        Assert.Equal(1, await CountAsync(db => db.ChatMessages.Where(m => m.RoomId == room && m.Kind == MessageKind.User)));
        Assert.Equal(1, await CountAsync(db => db.RoomEvents.Where(e => e.RoomId == room && e.Kind == RoomEventKind.MessageAdded)));
        var conflict = await Assert.ThrowsAsync<DomainException>(() => SendAsync(users[0], room, "other text", "retry-me"));
        Assert.Equal(ErrorCodes.Conflict, conflict.Code);
    }

    [Fact]
    public async Task A_send_that_got_past_the_idempotency_check_meets_the_unique_index_and_returns_the_stored_message()
    {
        var users = await Scenario.SeedVotersAsync(1);
        var room = await CreateRoomAsync(users[0]);
        var first = await SendAsync(users[0], room, "only once", "raced");

        var again = await AsAsync(users[0], () => Fixture.InScopeAsync(services => new SendMessageHandler(
                services.GetRequiredService<FluentValidation.IValidator<SendMessageCommand>>(),
                services.GetRequiredService<ICurrentUser>(),
                new ForgetfulChatRepository(services.GetRequiredService<IChatRepository>(), forgetMessage: true, forgetMember: false),
                services.GetRequiredService<IChatRateLimiter>(),
                services.GetRequiredService<RoomSendQueue>(),
                services.GetRequiredService<IClock>())
            .HandleAsync(new SendMessageCommand(room, "only once", "raced"), Ct)));

        Assert.Equal((first.Id, first.Sequence), (again.Id, again.Sequence));
        Assert.Equal(1, await CountAsync(db => db.ChatMessages.Where(m => m.RoomId == room && m.Kind == MessageKind.User)));
        Assert.Equal(first.Sequence, await LastSequenceAsync(room));
    }

    [Fact]
    public async Task A_join_that_got_past_the_member_check_meets_the_key_and_returns_the_member_as_stored()
    {
        var users = await Scenario.SeedVotersAsync(2);
        var room = await CreateRoomAsync(users[0]);
        await AsAsync(users[1], () => Scenario.RunAsync<JoinRoomHandler, RoomMemberView>(h => h.HandleAsync(new JoinRoomCommand(room), Ct)));
        var before = await LastSequenceAsync(room);

        var again = await AsAsync(users[1], () => Fixture.InScopeAsync(services => new JoinRoomHandler(
                services.GetRequiredService<ICurrentUser>(),
                new ForgetfulChatRepository(services.GetRequiredService<IChatRepository>(), forgetMessage: false, forgetMember: true),
                services.GetRequiredService<IUnitOfWork>(),
                services.GetRequiredService<IRoomEventPublisher>(),
                services.GetRequiredService<IClock>())
            .HandleAsync(new JoinRoomCommand(room), Ct)));

        Assert.Equal((users[1], MemberStatus.Active), (again.UserId, again.Status));
        Assert.Equal(2, await CountAsync(db => db.RoomMembers.Where(m => m.RoomId == room)));
        Assert.Equal(before, await LastSequenceAsync(room));
    }

    [Fact]
    public async Task A_second_conversation_for_one_pair_is_a_lost_insert_race_not_a_database_error()
    {
        var users = await Scenario.SeedVotersAsync(2);
        Task<bool> OpenAsync(UserId from, UserId to) => Fixture.InScopeAsync(services =>
            services.GetRequiredService<IUnitOfWork>().InTransactionAsync(
                _ =>
                {
                    var chat = services.GetRequiredService<IChatRepository>();
                    var room = ChatRoom.Direct(from, to, Fixture.Clock);
                    chat.Add(room);
                    chat.Add(room.TakeNewRecords());
                    return Task.FromResult(true);
                },
                Ct));
        await OpenAsync(users[0], users[1]);

        var lost = await Assert.ThrowsAsync<ConcurrentInsertException>(() => OpenAsync(users[1], users[0]));

        Assert.Equal(ErrorCodes.Conflict, lost.Code);
        Assert.Equal(1, await CountAsync(db => db.ChatRooms.Where(r => r.Kind == RoomKind.Direct)));
    }

    [Fact]
    public async Task The_sixth_message_in_the_window_is_rate_limited_and_stores_nothing()
    {
        var users = await Scenario.SeedVotersAsync(1);
        var room = await CreateRoomAsync(users[0]);
        for (var i = 0; i < 5; i++)
        {
            await SendAsync(users[0], room, "fast", $"c{i}");
        }

        var refusal = await Assert.ThrowsAsync<RateLimitedException>(() => SendAsync(users[0], room, "too fast", "c5"));

        Assert.Equal(ErrorCodes.RateLimited, refusal.Code);
        Assert.Equal(5, refusal.RetryAfterSeconds);
        Assert.Equal(5, await CountAsync(db => db.ChatMessages.Where(m => m.RoomId == room)));
        Assert.Equal(6, await LastSequenceAsync(room));
        Assert.Equal("fast", (await SendAsync(users[0], room, "fast", "c4")).Text);
        Fixture.Clock.UtcNow = Fixture.Clock.UtcNow.AddSeconds(5);
        Assert.Equal(7, (await SendAsync(users[0], room, "later", "c5")).Sequence);
    }

    [Fact]
    public async Task Messages_page_forward_and_backward_by_sequence()
    {
        var users = await Scenario.SeedVotersAsync(1);
        var room = await CreateRoomAsync(users[0]);
        for (var i = 1; i <= 12; i++)
        {
            Fixture.Clock.UtcNow = Fixture.Clock.UtcNow.AddSeconds(2);
            await SendAsync(users[0], room, $"m{i}", $"c{i}");
        }

        // Sequence 1 is the owner joining; messages m1..m12 are sequences 2..13.
        var newest = await PageAsync(users[0], new GetMessagesQuery(room, Last: 5));
        Assert.Equal(["m8", "m9", "m10", "m11", "m12"], newest.Messages.Select(m => m.Text));
        Assert.Equal((true, false), (newest.HasPreviousPage, newest.HasNextPage));

        var older = await PageAsync(users[0], new GetMessagesQuery(room, Last: 5, Before: newest.Messages[0].Sequence));
        Assert.Equal(["m3", "m4", "m5", "m6", "m7"], older.Messages.Select(m => m.Text));
        Assert.Equal((true, true), (older.HasPreviousPage, older.HasNextPage));

        var first = await PageAsync(users[0], new GetMessagesQuery(room, First: 4));
        Assert.Equal(["m1", "m2", "m3", "m4"], first.Messages.Select(m => m.Text));
        Assert.Equal((false, true), (first.HasPreviousPage, first.HasNextPage));

        var rest = await PageAsync(users[0], new GetMessagesQuery(room, First: 100, After: first.Messages[^1].Sequence));
        Assert.Equal(8, rest.Messages.Count);
        Assert.Equal((true, false), (rest.HasPreviousPage, rest.HasNextPage));
    }

    [Fact]
    public async Task Script_and_html_are_stored_and_returned_verbatim()
    {
        var users = await Scenario.SeedVotersAsync(1);
        var room = await CreateRoomAsync(users[0]);
        const string payload = "<script>alert(\"x\")</script>\r\n<img src=x onerror='y'> &amp; 👩‍👩‍👧 \t end  ";

        await SendAsync(users[0], room, payload, "xss");

        var page = await PageAsync(users[0], new GetMessagesQuery(room));
        Assert.Equal(payload, Assert.Single(page.Messages).Text);
    }

    [Fact]
    public async Task First_messages_racing_both_ways_end_in_one_direct_conversation()
    {
        var users = await Scenario.SeedVotersAsync(2);
        var (alice, bob) = (users[0], users[1]);

        var sent = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => i % 2 == 0
            ? SendDirectAsync(alice, bob, "hi bob", $"a{i}")
            : SendDirectAsync(bob, alice, "hi alice", $"b{i}"))));

        Assert.Single(sent.Select(m => m.RoomId).Distinct());
        Assert.Equal(1, await CountAsync(db => db.ChatRooms.Where(r => r.Kind == RoomKind.Direct)));
        var ofAlice = Assert.Single(await AsAsync(alice, () => Scenario.RunAsync<GetMyDirectConversationsHandler, IReadOnlyList<DirectConversation>>(h => h.HandleAsync(new GetMyDirectConversationsQuery(), Ct))));
        Assert.Equal((bob, 4), (ofAlice.With, ofAlice.UnreadCount));
        var ofBob = Assert.Single(await AsAsync(bob, () => Scenario.RunAsync<GetMyDirectConversationsHandler, IReadOnlyList<DirectConversation>>(h => h.HandleAsync(new GetMyDirectConversationsQuery(), Ct))));
        Assert.Equal((alice, ofAlice.RoomId), (ofBob.With, ofBob.RoomId));
    }

    [Fact]
    public async Task Unread_counts_follow_others_messages_and_the_read_marker()
    {
        var users = await Scenario.SeedVotersAsync(2);
        var room = await CreateRoomAsync(users[0]);
        await AsAsync(users[1], () => Scenario.RunAsync<JoinRoomHandler, RoomMemberView>(h => h.HandleAsync(new JoinRoomCommand(room), Ct)));
        var m1 = await SendAsync(users[0], room, "one", "1");
        await SendAsync(users[0], room, "two", "2");
        var m3 = await SendAsync(users[0], room, "three", "3");
        await SendAsync(users[1], room, "mine", "4");
        await AsAsync(users[0], () => Scenario.RunAsync<DeleteMessageHandler, MessageView>(h => h.HandleAsync(new DeleteMessageCommand(m3.Id), Ct)));

        // Unread: the welcome, "one" and "two"; not "three" (deleted) nor "mine".
        Assert.Equal(3, (await MyRoomAsync(users[1], room)).UnreadCount);
        var marker = await AsAsync(users[1], () => Scenario.RunAsync<MarkReadHandler, long>(h => h.HandleAsync(new MarkReadCommand(room, m1.Sequence), Ct)));
        Assert.Equal(m1.Sequence, marker);
        Assert.Equal(1, (await MyRoomAsync(users[1], room)).UnreadCount);
        await AsAsync(users[1], () => Scenario.RunAsync<MarkReadHandler, long>(h => h.HandleAsync(new MarkReadCommand(room, 1), Ct)));
        var summary = await MyRoomAsync(users[1], room);
        Assert.Equal((m1.Sequence, 1), (summary.LastReadSequence, summary.UnreadCount));
    }

    [Fact]
    public async Task The_room_log_replays_every_change_in_order_with_messages_as_they_are_now()
    {
        var users = await Scenario.SeedVotersAsync(2);
        var room = await CreateRoomAsync(users[0]);
        await AsAsync(users[1], () => Scenario.RunAsync<JoinRoomHandler, RoomMemberView>(h => h.HandleAsync(new JoinRoomCommand(room), Ct)));
        var sent = await SendAsync(users[1], room, "first draft", "d");
        await AsAsync(users[1], () => Scenario.RunAsync<EditMessageHandler, MessageView>(h => h.HandleAsync(new EditMessageCommand(sent.Id, "final"), Ct)));

        var log = await AsAsync(users[1], () => Scenario.RunAsync<GetRoomEventsHandler, IReadOnlyList<RoomEventView>>(h => h.HandleAsync(new GetRoomEventsQuery(room, 1), Ct)));

        Assert.Equal([2L, 3L, 4L, 5L], log.Select(e => e.Sequence));
        Assert.Equal([RoomEventKind.MemberJoined, RoomEventKind.MessageAdded, RoomEventKind.MessageAdded, RoomEventKind.MessageEdited], log.Select(e => e.Kind));
        Assert.Equal(SystemNotice.Welcome, log[1].Message!.Notice);
        Assert.Equal(("final", sent.Id), (log[2].Message!.Text, log[3].Message!.Id));
        Assert.Equal(log.Select(e => e.Sequence), Fixture.RoomEvents.Published.Where(e => e.Sequence > 1).Select(e => e.Sequence));
        Assert.Equal("first draft", Fixture.RoomEvents.Published.Single(e => e.Sequence == 4).Message!.Text);
    }

    [Fact]
    public async Task A_private_room_is_closed_to_non_members()
    {
        var users = await Scenario.SeedVotersAsync(2);
        var room = await CreateRoomAsync(users[0], RoomKind.Private);

        var refusal = await Assert.ThrowsAnyAsync<DomainException>(() => PageAsync(users[1], new GetMessagesQuery(room)));
        Assert.Equal(ErrorCodes.NotAMember, refusal.Code);
        var send = await Assert.ThrowsAnyAsync<DomainException>(() => SendAsync(users[1], room, "let me in", "x"));
        Assert.Equal(ErrorCodes.NotAMember, send.Code);
    }

    [Fact]
    public async Task An_election_gets_its_room_and_each_notice_once_however_often_delivered()
    {
        var (election, _) = await Scenario.CreateElectionAsync();
        await Scenario.OpenAsync(election);
        var opened = new ElectionOpened(election, Fixture.Clock.UtcNow);

        for (var i = 0; i < 3; i++)
        {
            await Fixture.InScopeAsync(async services =>
            {
                await services.GetRequiredService<IEventPublisher>().PublishAsync(opened, Ct);
                return true;
            });
        }

        var room = await Fixture.InScopeAsync(services => services.GetRequiredService<VotingDbContext>().ChatRooms.SingleAsync(r => r.ElectionId == election, Ct));
        Assert.Equal((RoomKind.Election, "Mayor"), (room.Kind, room.Name));
        var notices = await Fixture.InScopeAsync(services => services.GetRequiredService<VotingDbContext>().ChatMessages
            .Where(m => m.RoomId == room.Id && m.Notice == SystemNotice.ElectionOpened).ToListAsync(Ct));
        Assert.Equal("Voting is open.", Assert.Single(notices).Text);
    }

    [Fact]
    public async Task Members_read_without_the_lock_come_with_the_room_sequence_of_the_same_read()
    {
        var users = await Scenario.SeedVotersAsync(3);
        var room = await CreateRoomAsync(users[0]);
        await AsAsync(users[1], () => Scenario.RunAsync<JoinRoomHandler, RoomMemberView>(h => h.HandleAsync(new JoinRoomCommand(room), Ct)));

        var snapshot = await Fixture.InScopeAsync(services => services.GetRequiredService<IChatRepository>().ReadMembersAsync(room, [users[0], users[1], users[2]], Ct));
        var strangers = await Fixture.InScopeAsync(services => services.GetRequiredService<IChatRepository>().ReadMembersAsync(room, [users[2]], Ct));
        var nowhere = await Fixture.InScopeAsync(services => services.GetRequiredService<IChatRepository>().ReadMembersAsync(RoomId.New(), [users[0]], Ct));

        Assert.NotNull(snapshot);
        Assert.Equal(await LastSequenceAsync(room), snapshot.LastSequence);
        Assert.Equal(new HashSet<UserId> { users[0], users[1] }, snapshot.Members.Keys.ToHashSet());
        Assert.Equal(MemberRole.Owner, snapshot.Members[users[0]].Role);
        Assert.Equal((snapshot.LastSequence, 0), (strangers!.LastSequence, strangers.Members.Count));
        Assert.Null(nowhere);
    }

    private Task<T> AsAsync<T>(UserId user, Func<Task<T>> work)
    {
        Fixture.CurrentUser.Set(user, Role.Voter);
        return work();
    }

    private Task<RoomId> CreateRoomAsync(UserId owner, RoomKind kind = RoomKind.Public) =>
        AsAsync(owner, () => Scenario.RunAsync<CreateRoomHandler, RoomId>(h => h.HandleAsync(new CreateRoomCommand(kind, "Lobby"), Ct)));

    private Task<MessageView> SendAsync(UserId user, RoomId room, string text, string clientId) =>
        AsAsync(user, () => Scenario.RunAsync<SendMessageHandler, MessageView>(h => h.HandleAsync(new SendMessageCommand(room, text, clientId), Ct)));

    private Task<MessageView> SendDirectAsync(UserId from, UserId to, string text, string clientId) =>
        AsAsync(from, () => Scenario.RunAsync<SendDirectMessageHandler, MessageView>(h => h.HandleAsync(new SendDirectMessageCommand(to, text, clientId), Ct)));

    private Task<MessagePage> PageAsync(UserId user, GetMessagesQuery query) =>
        AsAsync(user, () => Scenario.RunAsync<GetMessagesHandler, MessagePage>(h => h.HandleAsync(query, Ct)));

    private async Task<RoomSummary> MyRoomAsync(UserId user, RoomId room) =>
        (await AsAsync(user, () => Scenario.RunAsync<GetMyRoomsHandler, IReadOnlyList<RoomSummary>>(h => h.HandleAsync(new GetMyRoomsQuery(), Ct)))).Single(r => r.Id == room);

    private Task<long> LastSequenceAsync(RoomId room) =>
        Fixture.InScopeAsync(services => services.GetRequiredService<VotingDbContext>().ChatRooms.Where(r => r.Id == room).Select(r => r.LastSequence).SingleAsync(Ct));

    private Task<int> CountAsync<T>(Func<VotingDbContext, IQueryable<T>> query) =>
        Fixture.InScopeAsync(services => query(services.GetRequiredService<VotingDbContext>()).CountAsync(Ct));
}
