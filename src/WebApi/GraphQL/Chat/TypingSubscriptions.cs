using System.Runtime.CompilerServices;
using Voting.Application.Chat.GetRoom;
using Voting.Domain.Chat;
using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.WebApi.GraphQL.Chat;

/// <summary>The source stream of <c>typing</c>: a room's typing signals, for those who may read the room.</summary>
public sealed class TypingSubscriptions(ITopicEventReceiver receiver, GetRoomHandler getRoom)
{
    public async Task<IAsyncEnumerable<TypingNode>> SubscribeAsync(RoomId roomId, CancellationToken cancellationToken)
    {
        await getRoom.HandleAsync(new GetRoomQuery(roomId), cancellationToken).ConfigureAwait(false);
        var signals = await receiver.SubscribeAsync<TypingNode>(TypingTopic.For(roomId), options: null, cancellationToken).ConfigureAwait(false);
        return Signals(signals);
    }

    private static async IAsyncEnumerable<TypingNode> Signals(ISourceStream<TypingNode> signals, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var signal in signals.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return signal.Message;
            }
        }
        finally
        {
            await signals.DisposeAsync().ConfigureAwait(false);
        }
    }
}
