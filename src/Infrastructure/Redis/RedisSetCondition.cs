namespace Voting.Infrastructure.Redis;

/// <summary>When SET writes.</summary>
public enum RedisSetCondition
{
    Always,

    /// <summary>NX: only when the key does not exist.</summary>
    NotExists,

    /// <summary>XX: only when the key exists.</summary>
    Exists,
}
