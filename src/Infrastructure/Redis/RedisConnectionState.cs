namespace Voting.Infrastructure.Redis;

public enum RedisConnectionState
{
    /// <summary>Not opened yet.</summary>
    Connecting,

    /// <summary>Open and usable; for subscriptions, every channel has been subscribed again.</summary>
    Connected,

    /// <summary>Lost; commands fail fast with <see cref="RedisConnectionException"/> while the client reconnects.</summary>
    Disconnected,

    /// <summary>The client was disposed.</summary>
    Disposed,
}
