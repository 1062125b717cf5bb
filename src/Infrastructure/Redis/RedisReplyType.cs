namespace Voting.Infrastructure.Redis;

/// <summary>The kind of a reply as the server sent it (RESP2 and RESP3 types).</summary>
public enum RedisReplyType
{
    /// <summary><c>+OK</c>.</summary>
    SimpleString,

    /// <summary><c>-ERR ...</c> or the RESP3 blob error <c>!</c>.</summary>
    Error,

    /// <summary><c>:42</c>.</summary>
    Integer,

    /// <summary><c>$3\r\nfoo</c>.</summary>
    BulkString,

    /// <summary>The RESP2 null bulk string or array (<c>$-1</c>, <c>*-1</c>) or the RESP3 null <c>_</c>.</summary>
    Null,

    /// <summary><c>*2 ...</c>.</summary>
    Array,

    /// <summary>RESP3 <c>%</c>: its elements are the keys and values in turn.</summary>
    Map,

    /// <summary>RESP3 <c>~</c>.</summary>
    Set,

    /// <summary>RESP3 <c>,</c>.</summary>
    Double,

    /// <summary>RESP3 <c>#t</c> / <c>#f</c>.</summary>
    Boolean,

    /// <summary>RESP3 <c>(</c>: kept as its decimal text.</summary>
    BigNumber,

    /// <summary>RESP3 <c>=</c>: the text without its three-letter format prefix.</summary>
    VerbatimString,

    /// <summary>RESP3 <c>&gt;</c>: out-of-band data such as pub/sub messages.</summary>
    Push,
}
