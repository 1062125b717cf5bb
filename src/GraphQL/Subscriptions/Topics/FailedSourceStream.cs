namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>A stream that could not start (its replay is out of reach): it ends with the failure at once.</summary>
internal sealed class FailedSourceStream<T>(string topic, TopicResyncRequiredException failure) : ISourceStream<T>, IAsyncEnumerator<TopicEvent<T>>
{
    private int _enumerated;

    public string Topic { get; } = topic;

    public TopicEvent<T> Current => default;

    public IAsyncEnumerator<TopicEvent<T>> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException($"The stream of topic '{Topic}' can be enumerated only once.");
        }

        return this;
    }

    public ValueTask<bool> MoveNextAsync() => ValueTask.FromException<bool>(failure);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
