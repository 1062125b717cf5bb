namespace Voting.Infrastructure.Redis;

/// <summary>The protocol version the client asks for.</summary>
public enum RedisProtocol
{
    /// <summary>RESP2 only (no HELLO).</summary>
    Resp2 = 2,

    /// <summary>RESP3 through <c>HELLO 3</c>, falling back to RESP2 when the server refuses it (Redis before 6).</summary>
    Resp3 = 3,
}
