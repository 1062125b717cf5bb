using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Voting.Application.Chat;
using Voting.Domain.Chat;
using Voting.Domain.Users;
using Voting.WebApi.GraphQL.Chat;

namespace Voting.WebApi.Tests.GraphQL.Chat;

public sealed class RoomLogReaderTests
{
    private static readonly RoomId Room = new(Guid.NewGuid());

    [Fact]
    public async Task Streams_missing_the_same_entries_share_one_read()
    {
        var log = new GatedLog(entries: 10);
        var reader = Reader(log, TimeSpan.Zero);

        using var first = reader.Fill(Room, 3, 6);
        await log.Reading.WaitAsync(TestContext.Current.CancellationToken);
        using var second = reader.Fill(Room, 3, 6);
        log.Release();

        Assert.Equal([4L, 5L, 6L], (await first.Entries).Select(e => e.Sequence));
        Assert.Same(first.Entries, second.Entries);
        Assert.Equal(1, log.Reads);
    }

    [Fact]
    public async Task A_gap_whose_streams_all_left_during_the_hold_is_never_read()
    {
        var log = new GatedLog(entries: 10);
        var reader = Reader(log, TimeSpan.FromHours(1));

        var first = reader.Fill(Room, 3, 6);
        var second = reader.Fill(Room, 3, 6);
        first.Dispose();
        Assert.Equal(1, reader.PendingFills);
        var entries = second.Entries;
        second.Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => entries);
        Assert.Equal(0, reader.PendingFills);
        Assert.Equal(0, log.Reads);
    }

    [Fact]
    public async Task A_gap_asked_for_after_its_read_finished_is_read_anew()
    {
        var log = new GatedLog(entries: 10);
        log.Release();
        var reader = Reader(log, TimeSpan.Zero);

        using (var first = reader.Fill(Room, 3, 6))
        {
            await first.Entries;
        }

        using var later = reader.Fill(Room, 3, 6);
        Assert.Equal([4L, 5L, 6L], (await later.Entries).Select(e => e.Sequence));
        Assert.Equal(2, log.Reads);
    }

    [Fact]
    public async Task A_read_stops_at_the_sequence_asked_for_and_at_the_end_of_the_log()
    {
        var log = new GatedLog(entries: RoomLogReader.LogBatch + 20);
        log.Release();
        var reader = Reader(log, TimeSpan.Zero);

        var through = new List<long>();
        await foreach (var entry in reader.ReadAsync(Room, 2, 5, checkRetention: false, TestContext.Current.CancellationToken))
        {
            through.Add(entry.Sequence);
        }

        var toEnd = 0;
        await foreach (var entry in reader.ReadAsync(Room, 10, long.MaxValue, checkRetention: false, TestContext.Current.CancellationToken))
        {
            Assert.Equal(10 + ++toEnd, entry.Sequence);
        }

        Assert.Equal([3L, 4L, 5L], through);
        Assert.Equal(RoomLogReader.LogBatch + 10, toEnd);
    }

    private static RoomLogReader Reader(IChatQueries queries, TimeSpan hold)
    {
        var services = new ServiceCollection().AddSingleton(queries).BuildServiceProvider();
        return new RoomLogReader(
            services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new RoomEventStreamOptions { GapHold = hold }),
            TimeProvider.System);
    }

    /// <summary>A room log of <c>entries</c> messages, whose reads wait until the test releases them.</summary>
    private sealed class GatedLog(long entries) : IChatQueries
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _reading = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public Task Reading => _reading.Task;

        public void Release() => _open.TrySetResult();

        public async Task<IReadOnlyList<RoomEventView>> ListEventsAsync(RoomId roomId, long afterSequence, int take, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            _reading.TrySetResult();
            await _open.Task.WaitAsync(cancellationToken);
            var author = new UserId(Guid.NewGuid());
            return [.. Enumerable.Range(1, (int)entries).Select(i => (long)i)
                .Where(s => s > afterSequence).Take(take)
                .Select(s => new RoomEventView(roomId, s, RoomEventKind.MessageAdded, DateTimeOffset.UnixEpoch, author, null, null, null, null))];
        }

        public Task<IReadOnlyList<RoomSummary>> ListRoomsOfAsync(UserId userId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<DirectConversation>> ListDirectConversationsOfAsync(UserId userId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<RoomMemberView>> ListMembersAsync(RoomId roomId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<MessageView>> ListMessagesAsync(RoomId roomId, long? after, long? before, int take, bool fromEnd, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
