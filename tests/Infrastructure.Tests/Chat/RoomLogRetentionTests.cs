using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Voting.Application.Chat;
using Voting.Application.Chat.CreateRoom;
using Voting.Application.Chat.GetRoom;
using Voting.Application.Chat.GetRoomEvents;
using Voting.Application.Chat.JoinRoom;
using Voting.Application.Chat.PruneRoomLog;
using Voting.Application.Chat.SendMessage;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;
using Voting.Infrastructure.Chat;
using Voting.Infrastructure.Persistence;
using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Chat;

/// <summary>The retention of rooms' logs on a real database; run once on PostgreSQL and once on SQLite.</summary>
public abstract class RoomLogRetentionTests(DatabaseFixture fixture) : DatabaseTests(fixture)
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Entries_past_retention_go_in_batches_the_mark_rises_and_messages_stay()
    {
        var users = await Scenario.SeedVotersAsync(2);
        var room = await CreateRoomAsync(users[0]);
        await AsAsync(users[1], () => Scenario.RunAsync<JoinRoomHandler, RoomMemberView>(h => h.HandleAsync(new JoinRoomCommand(room), Ct)));
        for (var i = 0; i < 5; i++)
        {
            await SendAsync(users[0], room, $"old {i}", $"o{i}");
        }

        // Sequences 1 to 8 (owner joined, member joined, welcome, five messages) are old; 9 and 10 are not.
        Fixture.Clock.UtcNow = Fixture.Clock.UtcNow + Retention + TimeSpan.FromMinutes(1);
        await SendAsync(users[0], room, "new 1", "n1");
        await SendAsync(users[1], room, "new 2", "n2");

        var result = await PruneAsync(batchSize: 3);

        Assert.Equal(new PruneRoomLogResult(Rooms: 1, Removed: 8, MoreRooms: false), result);
        Assert.Equal([9L, 10L], await LogAsync(room));
        Assert.Equal(8, await PrunedThroughAsync(room));
        Assert.Equal(8, await CountAsync(db => db.ChatMessages.Where(m => m.RoomId == room)));
        var details = await AsAsync(users[1], () => Scenario.RunAsync<GetRoomHandler, RoomDetails>(h => h.HandleAsync(new GetRoomQuery(room), Ct)));
        Assert.Equal((8L, 10L), (details.PrunedThroughSequence, details.LastSequence));
        var replay = await AsAsync(users[1], () => Scenario.RunAsync<GetRoomEventsHandler, IReadOnlyList<RoomEventView>>(h => h.HandleAsync(new GetRoomEventsQuery(room, 8), Ct)));
        Assert.Equal([9L, 10L], replay.Select(e => e.Sequence));
        var tooOld = await Assert.ThrowsAsync<DomainException>(() => AsAsync(users[1], () => Scenario.RunAsync<GetRoomEventsHandler, IReadOnlyList<RoomEventView>>(h => h.HandleAsync(new GetRoomEventsQuery(room, 7), Ct))));
        Assert.Equal(ErrorCodes.ResyncRequired, tooOld.Code);

        // Nothing more is due, and a second instance's pass at the same time changes nothing.
        Assert.Equal(new PruneRoomLogResult(0, 0, false), await PruneAsync(batchSize: 3));
        Assert.Equal(8, await PrunedThroughAsync(room));
    }

    [Fact]
    public async Task Only_the_oldest_run_goes_so_the_log_stays_gapless_and_a_quiet_room_empties()
    {
        var users = await Scenario.SeedVotersAsync(1);
        var busy = await CreateRoomAsync(users[0]);
        var quiet = await CreateRoomAsync(users[0]);
        for (var i = 0; i < 4; i++)
        {
            await SendAsync(users[0], busy, $"m{i}", $"c{i}");
        }

        // An entry stamped later than the one after it (another instance's clock ran ahead): retention stops
        // before it rather than leave a hole in the middle of the log.
        var later = Fixture.Clock.UtcNow + Retention;
        await Fixture.InScopeAsync(services => services.GetRequiredService<VotingDbContext>().RoomEvents
            .Where(e => e.RoomId == busy && e.Sequence == 3).ExecuteUpdateAsync(s => s.SetProperty(e => e.OccurredAt, later), Ct));
        Fixture.Clock.UtcNow = Fixture.Clock.UtcNow + Retention + TimeSpan.FromMinutes(1);

        await PruneAsync(batchSize: 100);

        Assert.Equal([3L, 4L, 5L], await LogAsync(busy));
        Assert.Equal(2, await PrunedThroughAsync(busy));
        Assert.Empty(await LogAsync(quiet));
        Assert.Equal(1, await PrunedThroughAsync(quiet));
        Assert.Equal(1, await LastSequenceAsync(quiet));
    }

    [Fact]
    public async Task A_room_pruned_while_others_send_keeps_its_sequence_and_its_new_entries()
    {
        var users = await Scenario.SeedVotersAsync(4);
        var room = await CreateRoomAsync(users[0]);
        for (var i = 0; i < 50; i++)
        {
            await SendAsync(users[0], room, $"old {i}", $"o{i}", advanceWindow: true);
        }

        Fixture.Clock.UtcNow = Fixture.Clock.UtcNow + Retention + TimeSpan.FromMinutes(1);
        foreach (var user in users.Skip(1))
        {
            await AsAsync(user, () => Scenario.RunAsync<JoinRoomHandler, RoomMemberView>(h => h.HandleAsync(new JoinRoomCommand(room), Ct)));
        }

        var before = await LastSequenceAsync(room);
        var sends = users.Skip(1).SelectMany(user => Enumerable.Range(0, 4).Select(i => Task.Run(() => SendAsync(user, room, $"new {i}", $"n{i}"))));
        var pruning = Task.Run(() => PruneAsync(batchSize: 5));
        await Task.WhenAll(sends.Cast<Task>().Append(pruning));

        Assert.Equal(51, await PrunedThroughAsync(room));
        var log = await LogAsync(room);
        Assert.Equal(Enumerable.Range(52, (int)(before + 12 - 51)).Select(i => (long)i), log);
        Assert.Equal(before + 12, await LastSequenceAsync(room));
    }

    [Fact]
    public async Task The_service_prunes_with_its_configured_age_and_batch()
    {
        var users = await Scenario.SeedVotersAsync(1);
        var room = await CreateRoomAsync(users[0]);
        await SendAsync(users[0], room, "old", "o");
        Fixture.Clock.UtcNow = Fixture.Clock.UtcNow.AddHours(3);
        await SendAsync(users[0], room, "new", "n");
        await using var services = Fixture.BuildServices(Fixture.ConnectionString, s => s.Configure<RoomLogRetentionOptions>(o =>
        {
            o.MaxAge = TimeSpan.FromHours(2);
            o.BatchSize = 1;
        }));
        var service = ActivatorUtilities.CreateInstance<RoomLogRetentionService>(services);

        var result = await service.PruneAsync(Ct);

        Assert.Equal(new PruneRoomLogResult(1, 2, false), result);
        Assert.Equal([3L], await LogAsync(room));
    }

    [Theory]
    [InlineData("MaxAge", "00:00:10")]
    [InlineData("Interval", "00:00:00")]
    [InlineData("BatchSize", "0")]
    [InlineData("RoomsPerPass", "0")]
    public void Out_of_range_settings_are_refused_when_the_options_are_first_read(string setting, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Fixture.Provider.ToString(),
            ["Database:ConnectionString"] = Fixture.ConnectionString,
            [$"{RoomLogRetentionOptions.SectionName}:{setting}"] = value,
        }).Build();
        var services = new ServiceCollection();
        services.AddInfrastructure(configuration);
        using var provider = services.BuildServiceProvider();

        var refusal = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RoomLogRetentionOptions>>().Value);
        Assert.Contains(setting, refusal.Message, StringComparison.Ordinal);
    }

    private Task<PruneRoomLogResult> PruneAsync(int batchSize) =>
        Scenario.RunAsync<PruneRoomLogHandler, PruneRoomLogResult>(h => h.HandleAsync(new PruneRoomLogCommand(Retention, batchSize), Ct));

    private Task<T> AsAsync<T>(UserId user, Func<Task<T>> work)
    {
        Fixture.CurrentUser.Set(user, Role.Voter);
        return work();
    }

    private Task<RoomId> CreateRoomAsync(UserId owner) =>
        AsAsync(owner, () => Scenario.RunAsync<CreateRoomHandler, RoomId>(h => h.HandleAsync(new CreateRoomCommand(RoomKind.Public, "Lobby"), Ct)));

    private async Task<MessageView> SendAsync(UserId user, RoomId room, string text, string clientId, bool advanceWindow = false)
    {
        if (advanceWindow)
        {
            // Past the send limit's window, so one author can send many.
            Fixture.Clock.UtcNow = Fixture.Clock.UtcNow.AddSeconds(2);
        }

        return await AsAsync(user, () => Scenario.RunAsync<SendMessageHandler, MessageView>(h => h.HandleAsync(new SendMessageCommand(room, text, clientId), Ct)));
    }

    private Task<List<long>> LogAsync(RoomId room) =>
        Fixture.InScopeAsync(services => services.GetRequiredService<VotingDbContext>().RoomEvents
            .Where(e => e.RoomId == room).OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync(Ct));

    private Task<long> PrunedThroughAsync(RoomId room) =>
        Fixture.InScopeAsync(services => services.GetRequiredService<VotingDbContext>().ChatRooms.Where(r => r.Id == room).Select(r => r.PrunedThroughSequence).SingleAsync(Ct));

    private Task<long> LastSequenceAsync(RoomId room) =>
        Fixture.InScopeAsync(services => services.GetRequiredService<VotingDbContext>().ChatRooms.Where(r => r.Id == room).Select(r => r.LastSequence).SingleAsync(Ct));

    private Task<int> CountAsync<T>(Func<VotingDbContext, IQueryable<T>> query) =>
        Fixture.InScopeAsync(services => query(services.GetRequiredService<VotingDbContext>()).CountAsync(Ct));
}
