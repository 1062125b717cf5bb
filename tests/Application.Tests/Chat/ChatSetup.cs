using NSubstitute;
using Voting.Application.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Voting.Application.Chat;
using Voting.Application.Chat.SendMessage;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Chat;

/// <summary>Substitutes for chat's ports, and rooms whose members the repository substitute hands out.</summary>
internal sealed class ChatSetup
{
    public ChatSetup()
    {
        Chat.Add(Arg.Do<RoomRecords>(Stored.Add));
        Publisher.PublishAsync(Arg.Do<IReadOnlyList<RoomEventView>>(Published.AddRange), Arg.Any<CancellationToken>());
        RateLimiter.TryAcquireAsync(Arg.Any<UserId>(), Arg.Any<RoomId>(), Arg.Any<CancellationToken>()).Returns(ValueTask.FromResult<TimeSpan?>(null));
        Chat.GetMembersAsync(Arg.Any<RoomId>(), Arg.Any<IReadOnlyCollection<UserId>>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var (room, users) = (call.ArgAt<RoomId>(0), call.ArgAt<IReadOnlyCollection<UserId>>(1));
            IReadOnlyDictionary<UserId, RoomMember> found = _members.Where(m => m.RoomId == room && users.Contains(m.UserId)).ToDictionary(m => m.UserId);
            return Task.FromResult(found);
        });
    }

    private readonly List<RoomMember> _members = [];

    public FakeClock Clock { get; } = new();

    public IChatRepository Chat { get; } = Substitute.For<IChatRepository>();

    public IUnitOfWork UnitOfWork { get; } = Substitute.For<IUnitOfWork>();

    public IRoomEventPublisher Publisher { get; } = Substitute.For<IRoomEventPublisher>();

    public IChatRateLimiter RateLimiter { get; } = Substitute.For<IChatRateLimiter>();

    public IUserRepository Users { get; } = Substitute.For<IUserRepository>();

    public IChatQueries Queries { get; } = Substitute.For<IChatQueries>();

    /// <summary>Every batch of records the handlers stored.</summary>
    public List<RoomRecords> Stored { get; } = [];

    /// <summary>Every log entry published, in order.</summary>
    public List<RoomEventView> Published { get; } = [];

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A room owned by <paramref name="owner"/>, known to the repository; returns the owner's row.</summary>
    public (ChatRoom Room, RoomMember Owner) Room(UserId owner, RoomKind kind = RoomKind.Public)
    {
        var room = ChatRoom.Create(kind, "Lobby", owner, Clock);
        var member = room.TakeNewRecords().Members.Single();
        Chat.LockAsync(room.Id, Arg.Any<CancellationToken>()).Returns(room);
        Chat.GetAsync(room.Id, Arg.Any<CancellationToken>()).Returns(room);
        Known(member);
        return (room, member);
    }

    /// <summary>A new active member of <paramref name="room"/>, known to the repository.</summary>
    public RoomMember Member(ChatRoom room, RoomMember owner, MemberRole role = MemberRole.Member)
    {
        var user = UserId.New();
        var invited = room.Kind == RoomKind.Private ? room.Invite(owner, user, null, Clock) : null;
        var member = room.Join(user, invited, Clock);
        if (role == MemberRole.Moderator)
        {
            room.SetRole(owner, member, role, Clock);
        }

        room.TakeNewRecords();
        Known(member);
        return member;
    }

    public void Known(RoomMember member)
    {
        _members.Add(member);
        Chat.GetMemberAsync(member.RoomId, member.UserId, Arg.Any<CancellationToken>()).Returns(member);
    }

    /// <summary>Every message the handlers stored, in order.</summary>
    public IEnumerable<Message> StoredMessages => Stored.SelectMany(r => r.Messages);

    /// <summary>A room send queue whose batches run on these substitutes.</summary>
    public RoomSendQueue SendQueue()
    {
        var services = new ServiceCollection()
            .AddSingleton(UnitOfWork)
            .AddSingleton(Chat)
            .AddSingleton(Publisher)
            .AddSingleton<IClock>(Clock)
            .AddScoped<RoomSendBatch>()
            .BuildServiceProvider();
        return new RoomSendQueue(services.GetRequiredService<IServiceScopeFactory>());
    }

    public ChatSetup Runs<T>()
    {
        UnitOfWork.RunsTransactionsOf<T>();
        return this;
    }
}
