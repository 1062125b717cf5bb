using System.Collections.Concurrent;

namespace Voting.GraphQL.Tests.Fetching;

/// <summary>The batches a test's batch function was called with, in call order.</summary>
internal sealed class BatchLog<TKey>
{
    private readonly ConcurrentQueue<TKey[]> _batches = new();

    public IReadOnlyList<TKey[]> Batches => [.. _batches];

    public void Add(IReadOnlyList<TKey> keys) => _batches.Enqueue([.. keys]);
}
