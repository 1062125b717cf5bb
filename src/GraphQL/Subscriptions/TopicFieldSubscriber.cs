using Voting.GraphQL.Errors;
using Voting.GraphQL.Execution;
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
        // The bus is a singleton: asked of the subscription's own (lazy) scope, it would create that scope for nothing.
        var services = context.RequestServices is LazyServiceScope lazy ? lazy.Parent : context.RequestServices;
        var receiver = services?.GetService(typeof(ITopicEventReceiver)) as ITopicEventReceiver
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
        return new SubscriptionEvents<T>(stream, context.CancellationToken);
    }
}
