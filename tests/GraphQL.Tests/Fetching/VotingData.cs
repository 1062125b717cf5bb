using Voting.GraphQL.Fetching;

namespace Voting.GraphQL.Tests.Fetching;

internal sealed record ElectionRow(int Id, string Title, int OrganizerId);

internal sealed record CandidateRow(int Id, int ElectionId, string Name);

/// <summary>
/// An in-memory store for the loader tests, shaped like the voting read side: elections with an
/// organizer, candidates per election, votes per candidate. It logs every batch it serves.
/// </summary>
internal sealed class VotingData(int elections)
{
    public IReadOnlyList<ElectionRow> Elections { get; } =
        [.. Enumerable.Range(1, elections).Select(id => new ElectionRow(id, $"Election {id}", 1000 + (id % 3)))];

    public IReadOnlyList<CandidateRow> Candidates { get; } =
        [.. Enumerable.Range(1, elections).SelectMany(e => Enumerable.Range(1, 3).Select(c => new CandidateRow((e * 10) + c, e, $"Candidate {e}.{c}")))];

    public BatchLog<int> ElectionBatches { get; } = new();

    public BatchLog<int> CandidateBatches { get; } = new();

    public BatchLog<int> OrganizerBatches { get; } = new();

    public BatchLog<int> VoteCountBatches { get; } = new();

    // A different completion pattern per call, so the test would see if batching depended on timing.
    public static async Task QueryAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        if (keys.Count % 2 == 0)
        {
            await Task.Yield();
        }
        else
        {
            await Task.Delay(keys.Count % 5, cancellationToken);
        }
    }
}

internal sealed class ElectionByIdLoader(VotingData data, BatchScheduler scheduler, DataLoaderOptions options)
    : BatchDataLoader<int, ElectionRow?>(scheduler, options)
{
    protected override async Task<IReadOnlyDictionary<int, ElectionRow?>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        data.ElectionBatches.Add(keys);
        await VotingData.QueryAsync(keys, cancellationToken);
        return data.Elections.Where(e => keys.Contains(e.Id)).ToDictionary(e => e.Id, ElectionRow? (e) => e);
    }
}

internal sealed class CandidatesByElectionLoader(VotingData data, BatchScheduler scheduler)
    : GroupedDataLoader<int, CandidateRow>(scheduler)
{
    protected override async Task<ILookup<int, CandidateRow>> LoadGroupedBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        data.CandidateBatches.Add(keys);
        await VotingData.QueryAsync(keys, cancellationToken);
        return data.Candidates.Where(c => keys.Contains(c.ElectionId)).ToLookup(c => c.ElectionId);
    }
}

internal sealed class OrganizerNameLoader(VotingData data, BatchScheduler scheduler)
    : BatchDataLoader<int, string>(scheduler)
{
    protected override async Task<IReadOnlyDictionary<int, string>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        data.OrganizerBatches.Add(keys);
        await VotingData.QueryAsync(keys, cancellationToken);
        return keys.ToDictionary(k => k, k => $"Official {k}");
    }
}

internal sealed class VoteCountLoader(VotingData data, BatchScheduler scheduler)
    : BatchDataLoader<int, int>(scheduler)
{
    protected override async Task<IReadOnlyDictionary<int, int>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        data.VoteCountBatches.Add(keys);
        await VotingData.QueryAsync(keys, cancellationToken);
        return keys.ToDictionary(k => k, k => k % 7);
    }
}
