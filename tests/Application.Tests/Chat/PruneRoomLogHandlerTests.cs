using NSubstitute;
using Voting.Application.Chat;
using Voting.Application.Chat.PruneRoomLog;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Chat;
using Xunit;

namespace Voting.Application.Tests.Chat;

public sealed class PruneRoomLogHandlerTests
{
    private readonly IRoomLogRetention _retention = Substitute.For<IRoomLogRetention>();
    private readonly FakeClock _clock = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_due_room_is_pruned_in_batches_until_a_short_one_at_the_retention_cutoff()
    {
        var cutoff = _clock.UtcNow - TimeSpan.FromDays(30);
        RoomId busy = RoomId.New(), quiet = RoomId.New();
        _retention.ListRoomsWithEntriesBeforeAsync(cutoff, 10, Arg.Any<CancellationToken>()).Returns([busy, quiet]);
        _retention.PruneBeforeAsync(busy, cutoff, 100, Arg.Any<CancellationToken>()).Returns(100, 100, 7);
        _retention.PruneBeforeAsync(quiet, cutoff, 100, Arg.Any<CancellationToken>()).Returns(3);

        var result = await Handler().HandleAsync(new PruneRoomLogCommand(TimeSpan.FromDays(30), BatchSize: 100, MaxRooms: 10), Ct);

        Assert.Equal(new PruneRoomLogResult(Rooms: 2, Removed: 210, MoreRooms: false), result);
        await _retention.Received(3).PruneBeforeAsync(busy, cutoff, 100, Arg.Any<CancellationToken>());
        await _retention.Received(1).PruneBeforeAsync(quiet, cutoff, 100, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_pass_that_reached_its_room_limit_says_more_rooms_may_be_due()
    {
        _retention.ListRoomsWithEntriesBeforeAsync(Arg.Any<DateTimeOffset>(), 2, Arg.Any<CancellationToken>()).Returns([RoomId.New(), RoomId.New()]);
        _retention.PruneBeforeAsync(Arg.Any<RoomId>(), Arg.Any<DateTimeOffset>(), Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns(1);

        var result = await Handler().HandleAsync(new PruneRoomLogCommand(TimeSpan.FromHours(1), MaxRooms: 2), Ct);

        Assert.Equal(new PruneRoomLogResult(Rooms: 2, Removed: 2, MoreRooms: true), result);
    }

    [Fact]
    public async Task No_due_room_removes_nothing()
    {
        _retention.ListRoomsWithEntriesBeforeAsync(Arg.Any<DateTimeOffset>(), Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns([]);

        var result = await Handler().HandleAsync(new PruneRoomLogCommand(TimeSpan.FromDays(1)), Ct);

        Assert.Equal(new PruneRoomLogResult(0, 0, false), result);
        await _retention.DidNotReceiveWithAnyArgs().PruneBeforeAsync(default, default, default, Ct);
    }

    [Fact]
    public async Task A_retention_of_zero_or_a_batch_of_none_is_refused_before_anything_is_read()
    {
        await Refusals.InvalidAsync(() => Handler().HandleAsync(new PruneRoomLogCommand(TimeSpan.Zero), Ct), nameof(PruneRoomLogCommand.Retention));
        await Refusals.InvalidAsync(() => Handler().HandleAsync(new PruneRoomLogCommand(TimeSpan.FromDays(1), BatchSize: 0), Ct), nameof(PruneRoomLogCommand.BatchSize));
        await _retention.DidNotReceiveWithAnyArgs().ListRoomsWithEntriesBeforeAsync(default, default, Ct);
    }

    private PruneRoomLogHandler Handler() => new(new PruneRoomLogValidator(), _retention, _clock);
}
