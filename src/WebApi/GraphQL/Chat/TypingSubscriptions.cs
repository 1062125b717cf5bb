using System.Runtime.CompilerServices;
using Voting.Domain.Chat;
using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.WebApi.GraphQL.Chat;

/// <summary>
/// The source stream of <c>typing</c>: a room's typing signals, for those who may read the room, until they
/// are kicked, banned or leave it (<see cref="RoomAccessWatch"/>).
/// </summary>
public sealed class TypingSubscriptions(ITopicEventReceiver receiver, RoomAccessWatch access)
{
    /// <summary>Subscribes, or throws the room's refusal (ROOM_NOT_FOUND, NOT_A_MEMBER, BANNED) before any signal.</summary>
    public async Task<IAsyncEnumerable<TypingNode>> SubscribeAsync(RoomId roomId, CancellationToken cancellationToken)
    {
        var log = await access.StartAsync(roomId, cancellationToken).ConfigureAwait(false);
        var signals = await receiver.SubscribeAsync<TypingNode>(TypingTopic.For(roomId), options: null, cancellationToken).ConfigureAwait(false);
        return access.While(roomId, log, Signals(signals), cancellationToken);
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
