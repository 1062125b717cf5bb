using NSubstitute;
using Voting.Application.Chat;
using Voting.Application.Chat.GetRoom;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Chat;

public sealed class GetRoomHandlerTests
{
    private readonly ChatSetup _chat = new();

    private static CancellationToken Ct => ChatSetup.Ct;

    [Fact]
    public async Task A_member_reads_the_room_with_its_members()
    {
        var (room, owner) = _chat.Room(UserId.New(), RoomKind.Private);
        IReadOnlyList<RoomMemberView> members = [RoomMemberView.From(owner)];
        _chat.Queries.ListMembersAsync(room.Id, Arg.Any<CancellationToken>()).Returns(members);

        var details = await Handler(owner.UserId).HandleAsync(new GetRoomQuery(room.Id), Ct);

        Assert.Equal((room.Id, room.LastSequence), (details.Id, details.LastSequence));
        Assert.Same(members, details.Members);
    }

    [Fact]
    public async Task Without_members_the_member_list_is_not_read()
    {
        var (room, owner) = _chat.Room(UserId.New(), RoomKind.Private);

        var details = await Handler(owner.UserId).HandleAsync(new GetRoomQuery(room.Id, WithMembers: false), Ct);

        Assert.Equal(room.LastSequence, details.LastSequence);
        Assert.Empty(details.Members);
        Assert.Empty(_chat.Queries.ReceivedCalls());
    }

    [Fact]
    public async Task A_non_member_of_a_private_room_is_refused_either_way()
    {
        var (room, _) = _chat.Room(UserId.New(), RoomKind.Private);

        await Refusals.RefusedAsync(ErrorCodes.NotAMember, () => Handler(UserId.New()).HandleAsync(new GetRoomQuery(room.Id), Ct));
        await Refusals.RefusedAsync(ErrorCodes.NotAMember, () => Handler(UserId.New()).HandleAsync(new GetRoomQuery(room.Id, WithMembers: false), Ct));
        Assert.Empty(_chat.Queries.ReceivedCalls());
    }

    private GetRoomHandler Handler(UserId caller) => new(Callers.SignedIn(Role.Voter, caller), _chat.Chat, _chat.Queries);
}
