using System.Runtime.CompilerServices;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Subscriptions.Topics;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Subscriptions;

internal interface ITopicFieldSubscriber
{
    ValueTask<object?> SubscribeAsync(IResolverContext context);
}

/// <summary>The source stream of a <see cref="SubscribeAttribute"/> field: its topic's events, as <see cref="SubscriptionEvent"/>s.</summary>
internal sealed class TopicFieldSubscriber<T>(TopicTemplate template, string? afterSequenceArgument) : ITopicFieldSubscriber
{
    public async ValueTask<object?> SubscribeAsync(IResolverContext context)
    {
        var receiver = context.RequestServices?.GetService(typeof(ITopicEventReceiver)) as ITopicEventReceiver
            ?? throw new InvalidOperationException($"{context.FieldDefinition} subscribes to a topic, but no ITopicEventReceiver is registered (services.AddInMemoryTopicEventBus()).");
        SubscribeOptions? options = null;
        if (afterSequenceArgument is not null && context.TryGetArgument(afterSequenceArgument, out var value) && value is not null)
        {
            var after = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
            if (after < 0)
            {
                throw new GraphQLException($"\"{afterSequenceArgument}\" is a sequence already seen: 0 or more, not {after}.", ErrorCodes.BadUserInput);
            }

            options = new SubscribeOptions { AfterSequence = after };
        }

        var stream = await receiver.SubscribeAsync<T>(template.Format(context), options, context.CancellationToken).ConfigureAwait(false);
        return Events(stream, context.CancellationToken);
    }

    private static async IAsyncEnumerable<object?> Events(ISourceStream<T> stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var topicEvent in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return new SubscriptionEvent(topicEvent.Message, topicEvent.Sequence, topicEvent.PublishedAt);
            }
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }
}
