using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Voting.Application.Elections;
using Voting.Domain.Elections;
using Voting.Infrastructure.Caching;
using Voting.Infrastructure.Redis;
using Voting.Infrastructure.Tests.Redis;

namespace Voting.Infrastructure.Tests.Caching;

/// <summary>The election cache against the shared redis-server: two caches stand for two instances.</summary>
public sealed class RedisElectionCacheTests : IAsyncLifetime
{
    internal const int Database = 10;

    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";
    private RedisClient _redisA = null!;
    private RedisClient _redisB = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _redisA = await RedisTestServer.ConnectAsync(Database);
        _redisB = await RedisTestServer.ConnectAsync(Database);
    }

    public async ValueTask DisposeAsync()
    {
        await _redisA.DisposeAsync();
        await _redisB.DisposeAsync();
    }

    [Fact]
    public async Task A_miss_loads_and_stores_and_the_next_read_on_another_instance_does_not_load()
    {
        var election = Election("Mayor");
        var loads = 0;
        Task<ElectionDetails?> Load(CancellationToken _)
        {
            loads++;
            return Task.FromResult<ElectionDetails?>(election);
        }

        var first = await Cache(_redisA).GetOrLoadAsync(election.Id, Load, Ct);
        var second = await Cache(_redisB).GetOrLoadAsync(election.Id, Load, Ct);

        Assert.Equal(1, loads);
        Assert.Same(election, first);
        Assert.Equivalent(election, second, strict: true);
        Assert.Equal(election.Candidates, second!.Candidates);
    }

    [Fact]
    public async Task Entries_expire_after_the_configured_time_to_live()
    {
        var election = Election("Mayor");
        var cache = Cache(_redisA, TimeSpan.FromSeconds(7));
        await cache.GetOrLoadAsync(election.Id, _ => Task.FromResult<ElectionDetails?>(election), Ct);

        var ttl = (await _redisA.ExecuteAsync("PTTL", cache.EntryKey(election.Id))).AsInt64();
        Assert.InRange(ttl, 1, 7000);
    }

    [Fact]
    public async Task Invalidating_on_one_instance_makes_the_other_load_again()
    {
        var before = Election("Mayor");
        var after = before with { Title = "Governor" };
        var a = Cache(_redisA);
        var b = Cache(_redisB);
        await b.GetOrLoadAsync(before.Id, _ => Task.FromResult<ElectionDetails?>(before), Ct);

        await a.InvalidateAsync([before.Id], Ct);
        var read = await b.GetOrLoadAsync(before.Id, _ => Task.FromResult<ElectionDetails?>(after), Ct);

        Assert.Equal("Governor", read!.Title);
        Assert.False((await _redisA.GetAsync(a.EntryKey(before.Id), Ct)).IsNull);
    }

    [Fact]
    public async Task A_load_that_an_invalidation_overtook_is_not_stored()
    {
        var stale = Election("Mayor");
        var a = Cache(_redisA);
        var b = Cache(_redisB);

        // B reads the old row, then A commits a change and invalidates before B stores what it read.
        var read = await b.GetOrLoadAsync(stale.Id, async ct =>
        {
            await a.InvalidateAsync([stale.Id], ct);
            return stale;
        }, Ct);

        Assert.Same(stale, read);
        Assert.True((await _redisA.GetAsync(a.EntryKey(stale.Id), Ct)).IsNull);
        var generationTtl = (await _redisA.ExecuteAsync("PTTL", a.GenerationKey(stale.Id))).AsInt64();
        Assert.InRange(generationTtl, 1, (long)RedisElectionCache.GenerationTimeToLive.TotalMilliseconds);
    }

    [Fact]
    public async Task An_unknown_election_is_not_cached()
    {
        var id = ElectionId.New();
        var cache = Cache(_redisA);
        var loads = 0;

        await cache.GetOrLoadAsync(id, _ => { loads++; return Task.FromResult<ElectionDetails?>(null); }, Ct);
        await cache.GetOrLoadAsync(id, _ => { loads++; return Task.FromResult<ElectionDetails?>(null); }, Ct);

        Assert.Equal(2, loads);
        Assert.True((await _redisA.GetAsync(cache.EntryKey(id), Ct)).IsNull);
    }

    [Fact]
    public async Task Reads_go_to_the_database_while_Redis_is_unreachable()
    {
        // Never connected: every command fails at once, as while the connection is down.
        await using var down = new RedisClient(RedisTestServer.Options(Database));
        var election = Election("Mayor");
        var cache = Cache(down);

        var read = await cache.GetOrLoadAsync(election.Id, _ => Task.FromResult<ElectionDetails?>(election), Ct);
        await cache.InvalidateAsync([election.Id], Ct);

        Assert.Same(election, read);
    }

    [Fact]
    public async Task An_unreadable_entry_is_loaded_again_and_replaced()
    {
        var election = Election("Mayor");
        var cache = Cache(_redisA);
        await _redisA.SetAsync(cache.EntryKey(election.Id), "{not json", TimeSpan.FromMinutes(1), cancellationToken: Ct);

        var read = await cache.GetOrLoadAsync(election.Id, _ => Task.FromResult<ElectionDetails?>(election), Ct);

        Assert.Same(election, read);
        Assert.Contains("Mayor", (await _redisA.GetAsync(cache.EntryKey(election.Id), Ct)).ToString(), StringComparison.Ordinal);
    }

    private RedisElectionCache Cache(RedisClient redis, TimeSpan? timeToLive = null) => new(
        redis,
        Options.Create(new RedisKeyOptions { KeyPrefix = _prefix }),
        Options.Create(new ElectionCacheOptions { TimeToLive = timeToLive ?? TimeSpan.FromSeconds(30) }),
        NullLogger<RedisElectionCache>.Instance);

    private static ElectionDetails Election(string title)
    {
        var opens = new DateTimeOffset(2030, 5, 1, 9, 0, 0, TimeSpan.Zero);
        return new ElectionDetails(
            ElectionId.New(), title, "City election", ElectionStatus.Open, opens, opens.AddDays(1), BallotKind.SingleChoice,
            ResultsVisibility.Live, EligibilityMode.VoterRoll, "abc123", 42, opens.AddDays(-1), opens, null,
            [new CandidateView(CandidateId.New(), "Ann", "Party A", 1), new CandidateView(CandidateId.New(), "Bob", "Party B", 2)],
            Electorate: 42);
    }
}
