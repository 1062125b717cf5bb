namespace Voting.Infrastructure.Redis;

/// <summary>Which of the client's connections an event is about.</summary>
public enum RedisConnectionRole
{
    /// <summary>The multiplexed connection that carries every command.</summary>
    Commands,

    /// <summary>The connection that holds SUBSCRIBE, PSUBSCRIBE and SSUBSCRIBE.</summary>
    Subscriptions,
}
