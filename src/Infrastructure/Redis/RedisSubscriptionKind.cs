namespace Voting.Infrastructure.Redis;

public enum RedisSubscriptionKind
{
    /// <summary>SUBSCRIBE: one channel by name.</summary>
    Channel,

    /// <summary>PSUBSCRIBE: every channel matching a glob pattern.</summary>
    Pattern,

    /// <summary>SSUBSCRIBE: a shard channel (SPUBLISH); on a single node it behaves like a channel of its own namespace.</summary>
    Shard,
}
