namespace Voting.Infrastructure.Redis;

/// <summary>One stream entry: its id (<c>milliseconds-sequence</c>) and its fields in the order they were added.</summary>
public sealed record RedisStreamEntry(string Id, IReadOnlyList<KeyValuePair<string, RedisValue>> Fields)
{
    /// <summary>The value of the first field of that name, or <see cref="RedisValue.Null"/>.</summary>
    public RedisValue this[string field]
    {
        get
        {
            foreach (var pair in Fields)
            {
                if (pair.Key == field)
                {
                    return pair.Value;
                }
            }

            return RedisValue.Null;
        }
    }
}
