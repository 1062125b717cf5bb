using Voting.GraphQL.Subscriptions.Topics;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Subscriptions;

/// <summary>
/// A topic's source stream as the executor reads it: each <see cref="TopicEvent{T}"/> as a
/// <see cref="SubscriptionEvent"/>. It passes <see cref="MoveNextAsync"/> straight through rather than
/// being an async iterator of its own, so an idle subscription holds no extra state machine, and it is
/// its own (only) enumerator.
/// </summary>
internal sealed class SubscriptionEvents<T>(ISourceStream<T> stream, CancellationToken subscriptionToken) : IAsyncEnumerable<object?>, IAsyncEnumerator<object?>
{
    private IAsyncEnumerator<TopicEvent<T>>? _events;
    private CancellationTokenSource? _linked;

    /// <summary>A new <see cref="SubscriptionEvent"/> for the current event: read it once per event.</summary>
    public object? Current
    {
        get
        {
            var current = _events!.Current;
            return new SubscriptionEvent(current.Message, current.Sequence, current.PublishedAt);
        }
    }

    public IAsyncEnumerator<object?> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (_events is not null)
        {
            throw new InvalidOperationException($"The stream of topic '{stream.Topic}' can be enumerated only once.");
        }

        // Both the subscription's token and the enumeration's end the stream; the executor passes the same one.
        var token = cancellationToken;
        if (!token.CanBeCanceled || token == subscriptionToken)
        {
            token = subscriptionToken;
        }
        else if (subscriptionToken.CanBeCanceled)
        {
            _linked = CancellationTokenSource.CreateLinkedTokenSource(subscriptionToken, cancellationToken);
            token = _linked.Token;
        }

        _events = stream.GetAsyncEnumerator(token);
        return this;
    }

    public ValueTask<bool> MoveNextAsync() => _events!.MoveNextAsync();

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_events is not null)
            {
                await _events.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            _linked?.Dispose();
        }
    }
}
