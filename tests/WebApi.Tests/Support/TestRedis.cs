namespace Voting.WebApi.Tests.Support;

/// <summary>The redis-server ./test.sh starts (VOTING_TEST_REDIS=host:port), with a key prefix per use so tests never meet.</summary>
public static class TestRedis
{
    /// <summary>The database of the WebApi suites that use Redis (the Infrastructure suites use others).</summary>
    public const int Database = 12;

    public static string Address =>
        Environment.GetEnvironmentVariable("VOTING_TEST_REDIS") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("VOTING_TEST_REDIS is not set: run the suites through ./test.sh, which starts redis-server on 127.0.0.1 and sets it.");

    /// <summary>The value of <c>Redis:Configuration</c> for a test host.</summary>
    public static string Configuration => $"{Address},defaultDatabase={Database}";

    public static string NewKeyPrefix() => $"test:{Guid.NewGuid():N}:";
}
