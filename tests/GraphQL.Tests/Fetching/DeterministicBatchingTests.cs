using Voting.GraphQL.Fetching;

namespace Voting.GraphQL.Tests.Fetching;

/// <summary>
/// A nested query resolved the way the executor will resolve it, without the executor: resolvers
/// load parents, then their children, through the request's <see cref="DataLoaderScope"/>, and
/// <see cref="RequestDriver"/> dispatches whenever keys are pending. One batch per loader per level
/// of the query, whatever the timing of the batch functions.
/// </summary>
public sealed class DeterministicBatchingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Twenty_elections_with_their_candidates_take_one_batch_each()
    {
        var data = new VotingData(elections: 20);

        var (result, dispatches) = await RunElectionsQueryAsync(NewScope(data), elections: 20);

        Assert.Equal(20, result.Length);
        Assert.Equal(["Candidate 7.1", "Candidate 7.2", "Candidate 7.3"], result[6].Candidates);
        Assert.Equal(2, dispatches);
        Assert.Equal([[.. Enumerable.Range(1, 20)]], data.ElectionBatches.Batches);
        Assert.Equal([[.. Enumerable.Range(1, 20)]], data.CandidateBatches.Batches);
    }

    [Fact]
    public async Task Three_levels_and_a_sibling_field_take_one_batch_per_loader_on_every_run()
    {
        for (var run = 0; run < 25; run++)
        {
            var data = new VotingData(elections: 20);
            var scope = NewScope(data);

            // { elections { organizer { name } candidates { votes } } }
            var (result, dispatches) = await RequestDriver.RunAsync(
                scope.Scheduler,
                () => Task.WhenAll(Enumerable.Range(1, 20).Select(id => ResolveElectionWithVotesAsync(scope, id))),
                Ct);

            Assert.Equal(3, dispatches);
            Assert.Equal(("Official 1001", 3), (result[0].Organizer, result[0].Votes.Count));
            Assert.Single(data.ElectionBatches.Batches);
            Assert.Equal([[1001, 1002, 1000]], data.OrganizerBatches.Batches);
            Assert.Single(data.CandidateBatches.Batches);
            Assert.Equal([[.. data.Candidates.Select(c => c.Id)]], data.VoteCountBatches.Batches);
        }
    }

    [Fact]
    public async Task MaxBatchSize_splits_a_level_without_adding_a_dispatch()
    {
        var data = new VotingData(elections: 20);

        var (_, dispatches) = await RunElectionsQueryAsync(NewScope(data, new DataLoaderOptions { MaxBatchSize = 6 }), elections: 20);

        Assert.Equal(2, dispatches);
        Assert.Equal([6, 6, 6, 2], data.ElectionBatches.Batches.Select(b => b.Length));
        Assert.Single(data.CandidateBatches.Batches);
    }

    [Fact]
    public async Task A_repeated_key_on_a_deeper_level_comes_from_the_cache()
    {
        var data = new VotingData(elections: 5);
        var scope = NewScope(data);

        // { elections { candidates { election { title } } } }: each candidate's election is cached.
        var (titles, dispatches) = await RequestDriver.RunAsync(
            scope.Scheduler,
            async () =>
            {
                var elections = await Task.WhenAll(Enumerable.Range(1, 5).Select(id => ResolveElectionAsync(scope, id)));
                return await Task.WhenAll(elections.SelectMany(e => e.CandidateElectionIds).Select(async id =>
                    (await scope.GetOrCreate<ElectionByIdLoader>().LoadAsync(id, Ct))!.Title));
            },
            Ct);

        Assert.Equal(15, titles.Length);
        Assert.Equal(2, dispatches);
        Assert.Single(data.ElectionBatches.Batches);
    }

    private static DataLoaderScope NewScope(VotingData data, DataLoaderOptions? options = null) =>
        new(new BatchScheduler(), new TestServices().Add(data).Add(options ?? DataLoaderOptions.Default));

    /// <summary><c>{ elections(ids: [1..n]) { title candidates { name } } }</c>.</summary>
    private static Task<((string Title, string[] Candidates, int[] CandidateElectionIds)[] Result, int Dispatches)> RunElectionsQueryAsync(DataLoaderScope scope, int elections) =>
        RequestDriver.RunAsync(scope.Scheduler, () => Task.WhenAll(Enumerable.Range(1, elections).Select(id => ResolveElectionAsync(scope, id))), Ct);

    private static async Task<(string Title, string[] Candidates, int[] CandidateElectionIds)> ResolveElectionAsync(DataLoaderScope scope, int id)
    {
        var election = await scope.GetOrCreate<ElectionByIdLoader>().LoadAsync(id, Ct);
        var candidates = await scope.GetOrCreate<CandidatesByElectionLoader>().LoadAsync(election!.Id, Ct);
        return (election.Title, [.. candidates.Select(c => c.Name)], [.. candidates.Select(c => c.ElectionId)]);
    }

    private static async Task<(string Organizer, IReadOnlyList<int> Votes)> ResolveElectionWithVotesAsync(DataLoaderScope scope, int id)
    {
        var election = await scope.GetOrCreate<ElectionByIdLoader>().LoadAsync(id, Ct);

        // Sibling fields of one election resolve concurrently, as the executor runs them.
        var organizer = scope.GetOrCreate<OrganizerNameLoader>().LoadAsync(election!.OrganizerId, Ct);
        var votes = ResolveVotesAsync(scope, election.Id);
        return (await organizer, await votes);
    }

    private static async Task<IReadOnlyList<int>> ResolveVotesAsync(DataLoaderScope scope, int electionId)
    {
        var candidates = await scope.GetOrCreate<CandidatesByElectionLoader>().LoadAsync(electionId, Ct);
        return await scope.GetOrCreate<VoteCountLoader>().LoadAsync([.. candidates.Select(c => c.Id)], Ct);
    }
}
