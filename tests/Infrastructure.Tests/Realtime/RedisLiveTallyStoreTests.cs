using Voting.Application.Elections;
using Voting.Application.Elections.LiveTally;
using Voting.Domain.Elections;
using Voting.Infrastructure.Realtime;
using Voting.Infrastructure.Redis;
using Voting.Infrastructure.Tests.Redis;

namespace Voting.Infrastructure.Tests.Realtime;

/// <summary>The live tally's two scripts on the real redis-server: apply keyed by the sequence, and the rebuild's compare-and-set.</summary>
public sealed class RedisLiveTallyStoreTests : IAsyncLifetime
{
    private static readonly CandidateId Park = new(Guid.CreateVersion7());
    private static readonly CandidateId Library = new(Guid.CreateVersion7());
    private readonly ElectionId _election = ElectionId.New();
    private RedisClient _redis = null!;
    private RedisLiveTallyStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisTestServer.ConnectAsync(database: 10);
        _store = new RedisLiveTallyStore(_redis, new RedisTopicLogOptions { KeyPrefix = $"test:{Guid.NewGuid():N}:" });
    }

    public async ValueTask DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task A_vote_for_an_election_without_a_tally_is_missing_and_creates_nothing()
    {
        Assert.Equal(LiveTallyApplyResult.Missing, await _store.ApplyAsync(_election, 1, [Park], Ct));

        Assert.Null(await _store.ReadAsync(_election, Ct));
    }

    [Fact]
    public async Task Each_sequence_counts_once_and_only_the_next_one_moves_the_tally()
    {
        Assert.True(await _store.ReplaceAsync(_election, Counts(0, 0, 0), Ct));

        Assert.Equal(LiveTallyApplyResult.Applied, await _store.ApplyAsync(_election, 1, [Park], Ct));
        Assert.Equal(LiveTallyApplyResult.Duplicate, await _store.ApplyAsync(_election, 1, [Park], Ct));
        Assert.Equal(LiveTallyApplyResult.Gap, await _store.ApplyAsync(_election, 3, [Library], Ct));
        Assert.Equal(LiveTallyApplyResult.Applied, await _store.ApplyAsync(_election, 2, [Library], Ct));
        Assert.Equal(LiveTallyApplyResult.Applied, await _store.ApplyAsync(_election, 3, [Library], Ct));
        Assert.Equal(LiveTallyApplyResult.Duplicate, await _store.ApplyAsync(_election, 2, [Park], Ct));

        var tally = await _store.ReadAsync(_election, Ct);
        Assert.NotNull(tally);
        Assert.Equal(3, tally.LastSequence);
        Assert.Equal(1, tally.PerCandidate[Park]);
        Assert.Equal(2, tally.PerCandidate[Library]);
    }

    [Fact]
    public async Task A_batch_counts_each_of_its_ballots_once_however_much_of_it_was_already_counted()
    {
        Assert.True(await _store.ReplaceAsync(_election, Counts(2, 1, 1), Ct));

        Assert.Equal(LiveTallyApplyResult.Applied, await _store.ApplyAsync(_election, 3, [Park, Library, Park], Ct));
        Assert.Equal((5L, 3L, 2L), Read(await _store.ReadAsync(_election, Ct)));

        // Delivered again: nothing; overlapping the tally (a rebuild counted ballots 6 and 7): only 8 and 9 count.
        Assert.Equal(LiveTallyApplyResult.Duplicate, await _store.ApplyAsync(_election, 3, [Park, Library, Park], Ct));
        Assert.True(await _store.ReplaceAsync(_election, Counts(7, 4, 3), Ct));
        Assert.Equal(LiveTallyApplyResult.Applied, await _store.ApplyAsync(_election, 6, [Park, Library, Library, Park], Ct));
        Assert.Equal((9L, 5L, 4L), Read(await _store.ReadAsync(_election, Ct)));

        // After a gap: nothing.
        Assert.Equal(LiveTallyApplyResult.Gap, await _store.ApplyAsync(_election, 11, [Park, Park], Ct));
        Assert.Equal((9L, 5L, 4L), Read(await _store.ReadAsync(_election, Ct)));
        Assert.Equal(LiveTallyApplyResult.Missing, await _store.ApplyAsync(ElectionId.New(), 1, [Park], Ct));
    }

    [Fact]
    public async Task A_rebuild_replaces_an_older_tally_and_never_a_newer_one()
    {
        Assert.True(await _store.ReplaceAsync(_election, Counts(4, 2, 1), Ct));
        Assert.Equal(LiveTallyApplyResult.Applied, await _store.ApplyAsync(_election, 5, [Park], Ct));

        Assert.False(await _store.ReplaceAsync(_election, Counts(4, 2, 2), Ct));
        Assert.Equal((5L, 3L, 1L), Read(await _store.ReadAsync(_election, Ct)));

        Assert.True(await _store.ReplaceAsync(_election, Counts(5, 3, 2), Ct));
        Assert.True(await _store.ReplaceAsync(_election, Counts(9, 4, 5), Ct));
        Assert.Equal((9L, 4L, 5L), Read(await _store.ReadAsync(_election, Ct)));
        Assert.Equal(LiveTallyApplyResult.Duplicate, await _store.ApplyAsync(_election, 7, [Park], Ct));
    }

    [Fact]
    public async Task Ballots_read_after_a_version_are_added_only_to_a_tally_still_at_that_version()
    {
        Assert.True(await _store.ReplaceAsync(_election, Counts(2, 1, 1), Ct));

        Assert.False(await _store.AddAsync(_election, 1, Counts(4, 1, 1), Ct));
        Assert.True(await _store.AddAsync(_election, 2, Counts(4, 0, 2), Ct));
        Assert.False(await _store.AddAsync(_election, 2, Counts(4, 0, 2), Ct));

        Assert.Equal((4L, 1L, 3L), Read(await _store.ReadAsync(_election, Ct)));
        Assert.False(await _store.AddAsync(ElectionId.New(), 0, Counts(1, 1, 0), Ct));
    }

    private static BallotCounts Counts(long version, long park, long library) =>
        new(new Dictionary<CandidateId, long> { [Park] = park, [Library] = library }, version);

    private static (long Version, long Park, long Library) Read(BallotCounts? tally)
    {
        Assert.NotNull(tally);
        return (tally.LastSequence, tally.PerCandidate.GetValueOrDefault(Park), tally.PerCandidate.GetValueOrDefault(Library));
    }
}
