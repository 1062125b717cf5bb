using Voting.GraphQL.Fetching;

namespace Voting.GraphQL.Tests.Fetching;

/// <summary>Loaders over in-memory data whose batch functions complete asynchronously and log their keys.</summary>
internal static class TestLoaders
{
    /// <summary>A loader of <c>"v{key}"</c> for every key but the <paramref name="missing"/> ones.</summary>
    public static FuncBatchDataLoader<int, string?> Values(BatchScheduler scheduler, BatchLog<int> log, DataLoaderOptions? options = null, params int[] missing) =>
        new(
            async (keys, _) =>
            {
                log.Add(keys);
                await Task.Yield();
                return keys.Where(k => !missing.Contains(k)).ToDictionary(k => k, string? (k) => $"v{k}");
            },
            scheduler,
            options);

    /// <summary>A loader whose batch function throws <paramref name="exception"/> after logging its keys.</summary>
    public static FuncBatchDataLoader<int, string?> Failing(BatchScheduler scheduler, BatchLog<int> log, Exception exception) =>
        new(
            async (keys, _) =>
            {
                log.Add(keys);
                await Task.Yield();
                throw exception;
            },
            scheduler);
}
