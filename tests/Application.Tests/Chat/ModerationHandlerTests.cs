using NSubstitute;
using Voting.Application.Chat;
using Voting.Application.Chat.BanMember;
using Voting.Application.Chat.KickMember;
using Voting.Application.Chat.MarkRead;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Chat;

public sealed class ModerationHandlerTests
{
    private readonly ChatSetup _chat = new ChatSetup().Runs<RoomMemberView>();

    private static CancellationToken Ct => ChatSetup.Ct;

    [Fact]
    public async Task A_moderator_kicks_a_member_and_the_kick_is_published()
    {
        var (room, owner) = _chat.Room(UserId.New());
        var moderator = _chat.Member(room, owner, MemberRole.Moderator);
        var member = _chat.Member(room, owner);

        var kicked = await Kick(moderator.UserId).HandleAsync(new KickMemberCommand(room.Id, member.UserId), Ct);

        Assert.Equal(MemberStatus.Kicked, kicked.Status);
        var published = Assert.Single(_chat.Published);
        Assert.Equal((RoomEventKind.MemberKicked, (UserId?)moderator.UserId, (UserId?)member.UserId), (published.Kind, published.ActorId, published.SubjectId));
    }

    [Fact]
    public async Task A_member_cannot_kick_and_nothing_is_published()
    {
        var (room, owner) = _chat.Room(UserId.New());
        var member = _chat.Member(room, owner);

        await Refusals.RefusedAsync(ErrorCodes.Forbidden, () => Kick(member.UserId).HandleAsync(new KickMemberCommand(room.Id, owner.UserId), Ct));
        Assert.Empty(_chat.Published);
    }

    [Fact]
    public async Task Banning_someone_who_never_joined_stores_a_banned_row()
    {
        var (room, owner) = _chat.Room(UserId.New());
        var stranger = UserId.New();
        _chat.Users.GetAsync(stranger, Arg.Any<CancellationToken>()).Returns(TestUsers.Voter(_chat.Clock));

        var banned = await new BanMemberHandler(Callers.SignedIn(Role.Voter, owner.UserId), _chat.Users, _chat.Chat, _chat.UnitOfWork, _chat.Publisher, _chat.Clock)
            .HandleAsync(new BanMemberCommand(room.Id, stranger), Ct);

        Assert.Equal((stranger, MemberStatus.Banned), (banned.UserId, banned.Status));
        Assert.Equal(stranger, Assert.Single(Assert.Single(_chat.Stored).Members).UserId);
    }

    [Fact]
    public async Task Marking_read_moves_the_marker_no_further_than_the_room_has_gone()
    {
        var (room, owner) = _chat.Room(UserId.New());

        var marker = await new MarkReadHandler(new MarkReadValidator(), Callers.SignedIn(Role.Voter, owner.UserId), _chat.Chat)
            .HandleAsync(new MarkReadCommand(room.Id, 99), Ct);

        Assert.Equal(room.LastSequence, marker);
        await _chat.Chat.Received(1).AdvanceReadMarkerAsync(room.Id, owner.UserId, room.LastSequence, Ct);
    }

    private KickMemberHandler Kick(UserId caller) =>
        new(Callers.SignedIn(Role.Voter, caller), _chat.Chat, _chat.UnitOfWork, _chat.Publisher, _chat.Clock);
}
