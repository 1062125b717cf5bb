using Microsoft.Extensions.Logging;

namespace Voting.Infrastructure.Redis;

/// <summary>
/// The pub/sub side of the client, on a connection of its own (in RESP2 a subscribed connection accepts nothing but
/// subscription commands). One server subscription per (kind, name) however many local subscribers share it; each
/// SUBSCRIBE names one channel so its confirmation is a single reply matched in FIFO order like any command, while
/// messages are routed to subscribers as they arrive. After a reconnect every registered name is subscribed again
/// before the connection is reported as connected.
/// </summary>
internal sealed class RedisSubscriber : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(RedisSubscriptionKind Kind, string Name), List<RedisSubscription>> _groups = [];
    private readonly RedisOptions _options;
    private readonly ResilientConnection _connection;

    public RedisSubscriber(RedisOptions options, Action<RedisConnectionStateChangedEventArgs> notify, ILogger logger)
    {
        _options = options;
        _connection = new ResilientConnection(options, RedisConnectionRole.Subscriptions, Route, ResubscribeAsync, notify, logger);
    }

    public RedisConnectionState State => _connection.State;

    public async Task<RedisSubscription> SubscribeAsync(RedisSubscriptionKind kind, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        await _connection.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var subscription = new RedisSubscription(this, kind, name, _options.SubscriptionBufferCapacity);
        ValueTask<RedisReply> confirmation;
        lock (_gate)
        {
            var connection = _connection.Current
                ?? throw new RedisConnectionException("The subscription connection is down; subscribe again once it reconnects.");
            if (!_groups.TryGetValue((kind, name), out var members))
            {
                members = [];
                _groups.Add((kind, name), members);
            }

            members.Add(subscription);

            // Sent even when another local subscriber already holds the name: the confirmation then tells this caller
            // that the server subscription (perhaps still in flight for the other) is in place.
            confirmation = connection.SendAsync(SubscribeCommand(kind), [name], static reply => reply, cancellationToken);
        }

        try
        {
            await confirmation.ConfigureAwait(false);
            return subscription;
        }
        catch
        {
            await RemoveAsync(subscription).ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask RemoveAsync(RedisSubscription subscription)
    {
        ValueTask<RedisReply>? confirmation = null;
        lock (_gate)
        {
            var key = (subscription.Kind, subscription.Name);
            if (_groups.TryGetValue(key, out var members) && members.Remove(subscription) && members.Count == 0)
            {
                _groups.Remove(key);
                confirmation = _connection.Current?.SendAsync(UnsubscribeCommand(subscription.Kind), [subscription.Name], static reply => reply, CancellationToken.None);
            }
        }

        subscription.Complete();
        if (confirmation is { } pending)
        {
            try
            {
                await pending.ConfigureAwait(false);
            }
            catch (RedisException)
            {
                // The connection dropped: the server forgot the subscription anyway, and it is no longer registered here.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        lock (_gate)
        {
            foreach (var subscription in _groups.Values.SelectMany(members => members))
            {
                subscription.Complete();
            }

            _groups.Clear();
        }
    }

    private static RespCommand SubscribeCommand(RedisSubscriptionKind kind) => kind switch
    {
        RedisSubscriptionKind.Pattern => RespCommand.PSubscribe,
        RedisSubscriptionKind.Shard => RespCommand.SSubscribe,
        _ => RespCommand.Subscribe,
    };

    private static RespCommand UnsubscribeCommand(RedisSubscriptionKind kind) => kind switch
    {
        RedisSubscriptionKind.Pattern => RespCommand.PUnsubscribe,
        RedisSubscriptionKind.Shard => RespCommand.SUnsubscribe,
        _ => RespCommand.Unsubscribe,
    };

    private async Task ResubscribeAsync(RedisConnection connection, CancellationToken cancellationToken)
    {
        var confirmations = new List<ValueTask<RedisReply>>();
        lock (_gate)
        {
            foreach (var (kind, name) in _groups.Keys)
            {
                confirmations.Add(connection.SendAsync(SubscribeCommand(kind), [name], static reply => reply, cancellationToken));
            }
        }

        foreach (var confirmation in confirmations)
        {
            await confirmation.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs on the reader for every reply: delivers messages (RESP2 arrays or RESP3 pushes of kind message, pmessage,
    /// smessage) and returns true for them; subscription confirmations return false and answer the pending command.
    /// </summary>
    private bool Route(RedisReply reply)
    {
        if (reply.Type is not (RedisReplyType.Push or RedisReplyType.Array) || reply.Count < 3 || reply[0].Type is not (RedisReplyType.BulkString or RedisReplyType.SimpleString))
        {
            return reply.Type == RedisReplyType.Push;
        }

        switch (reply[0].AsString())
        {
            case "message":
                var channel = reply[1].AsString()!;
                Deliver(RedisSubscriptionKind.Channel, channel, new RedisMessage(channel, reply[2].AsValue()));
                return true;
            case "smessage":
                var shardChannel = reply[1].AsString()!;
                Deliver(RedisSubscriptionKind.Shard, shardChannel, new RedisMessage(shardChannel, reply[2].AsValue()));
                return true;
            case "pmessage" when reply.Count == 4:
                var pattern = reply[1].AsString()!;
                Deliver(RedisSubscriptionKind.Pattern, pattern, new RedisMessage(reply[2].AsString()!, reply[3].AsValue(), pattern));
                return true;
            case "subscribe" or "psubscribe" or "ssubscribe" or "unsubscribe" or "punsubscribe" or "sunsubscribe":
                return false;
            default:
                return reply.Type == RedisReplyType.Push;
        }
    }

    private void Deliver(RedisSubscriptionKind kind, string name, in RedisMessage message)
    {
        lock (_gate)
        {
            if (_groups.TryGetValue((kind, name), out var members))
            {
                foreach (var member in members)
                {
                    member.Deliver(message);
                }
            }
        }
    }
}
