using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Chat.ElectionRooms;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Chat;
using Voting.Domain.Elections;
using Voting.Domain.Elections.Events;
using Xunit;

namespace Voting.Application.Tests.Chat;

public sealed class PostElectionNoticesTests
{
    private readonly ChatSetup _chat = new ChatSetup().Runs<Message>();
    private readonly IElectionRepository _elections = Substitute.For<IElectionRepository>();
    private readonly Election _election;
    private readonly ChatRoom _room;

    public PostElectionNoticesTests()
    {
        _election = TestElections.Draft(_chat.Clock);
        _room = ChatRoom.ForElection(_election, _chat.Clock);
        _room.TakeNewRecords();
        _chat.Chat.LockElectionRoomAsync(_election.Id, Arg.Any<CancellationToken>()).Returns(_room);
    }

    private static CancellationToken Ct => ChatSetup.Ct;

    [Fact]
    public async Task Opening_posts_a_system_notice_into_the_election_s_room_and_publishes_it()
    {
        await Handler().HandleAsync(new ElectionOpened(_election.Id, _chat.Clock.UtcNow), Ct);

        var notice = Assert.Single(Assert.Single(_chat.Stored).Messages);
        Assert.Equal((SystemNotice.ElectionOpened, MessageKind.System, _chat.Clock.UtcNow), (notice.Notice, notice.Kind, notice.SentAt));
        Assert.Equal(notice.Id, Assert.Single(_chat.Published).Message!.Id);
    }

    [Fact]
    public async Task A_redelivered_event_finds_the_notice_already_posted_and_adds_nothing()
    {
        var posted = _room.PostElectionNotice(SystemNotice.ElectionClosed, null, _chat.Clock.UtcNow);
        _room.TakeNewRecords();
        _chat.Chat.FindByClientMessageIdAsync(_room.Id, null, ChatRoom.NoticeKey(SystemNotice.ElectionClosed), Arg.Any<CancellationToken>()).Returns(posted);

        await Handler().HandleAsync(new ElectionClosed(_election.Id, _chat.Clock.UtcNow), Ct);

        Assert.True(Assert.Single(_chat.Stored).IsEmpty);
        Assert.Empty(_chat.Published);
    }

    [Fact]
    public async Task An_election_without_a_room_gets_one_with_its_first_notice()
    {
        var older = TestElections.Draft(_chat.Clock);
        _elections.GetAsync(older.Id, Arg.Any<CancellationToken>()).Returns(older);
        ChatRoom? created = null;
        _chat.Chat.Add(Arg.Do<ChatRoom>(r => created = r));

        await Handler().HandleAsync(new ElectionResultsPublished(older.Id, _chat.Clock.UtcNow), Ct);

        Assert.Equal((RoomKind.Election, (ElectionId?)older.Id), (created!.Kind, created.ElectionId));
        var records = Assert.Single(_chat.Stored);
        Assert.Equal(older.CreatedBy, Assert.Single(records.Members).UserId);
        Assert.Equal(SystemNotice.ElectionResultsPublished, Assert.Single(records.Messages).Notice);
    }

    private PostElectionNotices Handler() => new(_chat.Chat, _elections, _chat.UnitOfWork, _chat.Publisher, _chat.Clock);
}
