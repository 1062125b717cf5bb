using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Voting.GraphQL.Errors;

namespace Voting.GraphQL.Tests.Server;

/// <summary>The subscription root the streaming transports' tests (WebSockets, Server-Sent Events) run against.</summary>
public sealed class StreamingTestSubscription
{
    /// <summary>Completed when the stream named by the key ends, so a test sees its subscription disposed.</summary>
    internal static readonly ConcurrentDictionary<string, TaskCompletionSource> Ended = new(StringComparer.Ordinal);

    /// <summary>1 to <c>count</c>, at once.</summary>
    public async IAsyncEnumerable<int> Counter(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }

    /// <summary>1, then nothing until cancelled; <see cref="Ended"/>[key] completes when the stream ends.</summary>
    public async IAsyncEnumerable<int> Held(string key, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var ended = Ended.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            yield return 1;
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        finally
        {
            ended.TrySetResult();
        }
    }

    /// <summary>1, then the source fails.</summary>
    public async IAsyncEnumerable<int> Failing()
    {
        await Task.Yield();
        yield return 1;
        throw new GraphQLException("Feed lost.", "FEED_LOST");
    }
}
