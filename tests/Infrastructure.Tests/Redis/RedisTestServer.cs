using Voting.Infrastructure.Redis;

namespace Voting.Infrastructure.Tests.Redis;

/// <summary>The redis-server that ./test.sh starts (VOTING_TEST_REDIS=host:port), shared by the suites.</summary>
internal static class RedisTestServer
{
    public static string Address =>
        Environment.GetEnvironmentVariable("VOTING_TEST_REDIS") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "VOTING_TEST_REDIS is not set: run the suites through ./test.sh, which starts redis-server on 127.0.0.1 and sets it.");

    /// <summary>Options for the shared server; each test class passes a database index of its own.</summary>
    public static RedisOptions Options(int database, RedisProtocol protocol = RedisProtocol.Resp3, string extra = "")
    {
        var options = RedisOptions.Parse($"{Address},defaultDatabase={database},connectTimeout=10000,syncTimeout=30000{extra}");
        options.Protocol = protocol;
        return options;
    }

    public static Task<RedisClient> ConnectAsync(int database, RedisProtocol protocol = RedisProtocol.Resp3) =>
        RedisClient.ConnectAsync(Options(database, protocol), cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>A key no other test uses.</summary>
    public static string Key(string name) => $"test:{name}:{Guid.NewGuid():N}";
}
