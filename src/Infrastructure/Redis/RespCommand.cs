using System.Text;

namespace Voting.Infrastructure.Redis;

/// <summary>A command name with its RESP bulk-string encoding computed once.</summary>
internal sealed class RespCommand
{
    public RespCommand(string name)
    {
        Name = name;
        Encoded = Encoding.ASCII.GetBytes($"${name.Length}\r\n{name}\r\n");
    }

    public string Name { get; }

    /// <summary><c>$4\r\nINCR\r\n</c>.</summary>
    public byte[] Encoded { get; }

    public static readonly RespCommand Auth = new("AUTH");
    public static readonly RespCommand Client = new("CLIENT");
    public static readonly RespCommand Decr = new("DECR");
    public static readonly RespCommand Del = new("DEL");
    public static readonly RespCommand Eval = new("EVAL");
    public static readonly RespCommand EvalSha = new("EVALSHA");
    public static readonly RespCommand Exists = new("EXISTS");
    public static readonly RespCommand Expire = new("EXPIRE");
    public static readonly RespCommand FlushDb = new("FLUSHDB");
    public static readonly RespCommand Get = new("GET");
    public static readonly RespCommand HDel = new("HDEL");
    public static readonly RespCommand Hello = new("HELLO");
    public static readonly RespCommand HGet = new("HGET");
    public static readonly RespCommand HGetAll = new("HGETALL");
    public static readonly RespCommand HIncrBy = new("HINCRBY");
    public static readonly RespCommand HMGet = new("HMGET");
    public static readonly RespCommand HSet = new("HSET");
    public static readonly RespCommand Incr = new("INCR");
    public static readonly RespCommand IncrBy = new("INCRBY");
    public static readonly RespCommand MGet = new("MGET");
    public static readonly RespCommand PExpire = new("PEXPIRE");
    public static readonly RespCommand Ping = new("PING");
    public static readonly RespCommand PSubscribe = new("PSUBSCRIBE");
    public static readonly RespCommand Publish = new("PUBLISH");
    public static readonly RespCommand PUnsubscribe = new("PUNSUBSCRIBE");
    public static readonly RespCommand Select = new("SELECT");
    public static readonly RespCommand Set = new("SET");
    public static readonly RespCommand SPublish = new("SPUBLISH");
    public static readonly RespCommand SSubscribe = new("SSUBSCRIBE");
    public static readonly RespCommand Subscribe = new("SUBSCRIBE");
    public static readonly RespCommand SUnsubscribe = new("SUNSUBSCRIBE");
    public static readonly RespCommand Ttl = new("TTL");
    public static readonly RespCommand Unsubscribe = new("UNSUBSCRIBE");
    public static readonly RespCommand XAdd = new("XADD");
    public static readonly RespCommand XLen = new("XLEN");
    public static readonly RespCommand XRange = new("XRANGE");
    public static readonly RespCommand XRead = new("XREAD");
    public static readonly RespCommand XRevRange = new("XREVRANGE");
    public static readonly RespCommand XTrim = new("XTRIM");
}
