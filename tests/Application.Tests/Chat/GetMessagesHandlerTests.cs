using NSubstitute;
using Voting.Application.Chat;
using Voting.Application.Chat.GetMessages;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Chat;

public sealed class GetMessagesHandlerTests
{
    private readonly ChatSetup _chat = new();

    private static CancellationToken Ct => ChatSetup.Ct;

    [Fact]
    public async Task Without_a_cursor_the_newest_page_is_read_from_the_end()
    {
        var (room, owner) = _chat.Room(UserId.New());
        _chat.Queries.ListMessagesAsync(room.Id, null, null, GetMessagesHandler.DefaultPageSize + 1, true, Arg.Any<CancellationToken>())
            .Returns(Messages(room.Id, 10, 60));

        var page = await Handler(owner.UserId).HandleAsync(new GetMessagesQuery(room.Id), Ct);

        Assert.Equal(Enumerable.Range(11, 50).Select(i => (long)i), page.Messages.Select(m => m.Sequence));
        Assert.Equal((true, false), (page.HasPreviousPage, page.HasNextPage));
    }

    [Fact]
    public async Task Forward_after_a_cursor_looks_both_ways()
    {
        var (room, owner) = _chat.Room(UserId.New());
        _chat.Queries.ListMessagesAsync(room.Id, 20, null, 4, false, Arg.Any<CancellationToken>()).Returns(Messages(room.Id, 21, 23));
        _chat.Queries.ListMessagesAsync(room.Id, null, 21, 1, true, Arg.Any<CancellationToken>()).Returns(Messages(room.Id, 20, 20));

        var page = await Handler(owner.UserId).HandleAsync(new GetMessagesQuery(room.Id, First: 3, After: 20), Ct);

        Assert.Equal([21L, 22L, 23L], page.Messages.Select(m => m.Sequence));
        Assert.Equal((true, false), (page.HasPreviousPage, page.HasNextPage));
    }

    [Fact]
    public async Task First_and_last_together_and_oversized_pages_fail_validation()
    {
        var (room, owner) = _chat.Room(UserId.New());
        await Refusals.InvalidAsync(() => Handler(owner.UserId).HandleAsync(new GetMessagesQuery(room.Id, First: 1, Last: 1), Ct), nameof(GetMessagesQuery.Last));
        await Refusals.InvalidAsync(() => Handler(owner.UserId).HandleAsync(new GetMessagesQuery(room.Id, First: 101), Ct), nameof(GetMessagesQuery.First));
    }

    [Fact]
    public async Task Non_members_of_a_private_room_read_nothing()
    {
        var (room, _) = _chat.Room(UserId.New(), RoomKind.Private);

        await Refusals.RefusedAsync(ErrorCodes.NotAMember, () => Handler(UserId.New()).HandleAsync(new GetMessagesQuery(room.Id), Ct));
        Assert.Empty(_chat.Queries.ReceivedCalls());
    }

    private static IReadOnlyList<MessageView> Messages(RoomId room, long from, long to) =>
        [.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(i => new MessageView(
            MessageId.New(), room, i, null, MessageKind.User, null, null, $"m{i}", null, FakeClock.DefaultStart, null, null))];

    private GetMessagesHandler Handler(UserId caller) =>
        new(new GetMessagesValidator(), Callers.SignedIn(Role.Voter, caller), _chat.Chat, _chat.Queries);
}
