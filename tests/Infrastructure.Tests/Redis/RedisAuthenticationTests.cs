using Voting.Infrastructure.Redis;

namespace Voting.Infrastructure.Tests.Redis;

public sealed class RedisAuthenticationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const int Database = 4;

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task Acl_user_with_password_is_authenticated(RedisProtocol protocol) =>
        await WithAclUserAsync("correct horse", async user =>
        {
            var options = RedisTestServer.Options(Database, protocol, $",user={user},password=correct horse");
            await using var client = await RedisClient.ConnectAsync(options, cancellationToken: Ct);
            Assert.Equal(user, (await client.ExecuteAsync("ACL", ["WHOAMI"], Ct)).AsString());
            Assert.Equal(1, await client.IncrementAsync(RedisTestServer.Key("auth"), cancellationToken: Ct));
        });

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task Wrong_password_is_refused_with_an_authentication_error(RedisProtocol protocol) =>
        await WithAclUserAsync("right", async user =>
        {
            var options = RedisTestServer.Options(Database, protocol, $",user={user},password=wrong");
            var error = await Assert.ThrowsAsync<RedisAuthenticationException>(() => RedisClient.ConnectAsync(options, cancellationToken: Ct));
            Assert.Equal("WRONGPASS", error.Prefix);
        });

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task Password_only_authenticates_the_default_user(RedisProtocol protocol)
    {
        await using var server = await PrivateRedisServer.StartAsync("--requirepass", "only-a-password");

        var options = server.Options(",password=only-a-password");
        options.Protocol = protocol;
        await using var client = await RedisClient.ConnectAsync(options, cancellationToken: Ct);
        Assert.Equal("default", (await client.ExecuteAsync("ACL", "WHOAMI")).AsString());

        var without = server.Options();
        without.Protocol = protocol;
        await using var anonymous = await ConnectOrAuthenticationError(without);
        Assert.Null(anonymous);
    }

    [Fact]
    public async Task Server_that_refuses_hello_is_spoken_to_in_resp2()
    {
        await using var server = await PrivateRedisServer.StartAsync("--rename-command", "HELLO", "", "--requirepass", "pw");

        await using var client = await RedisClient.ConnectAsync(server.Options(",password=pw,name=fallback,defaultDatabase=3"), cancellationToken: Ct);

        Assert.Equal(2, client.ProtocolVersion);
        Assert.Equal("fallback", (await client.ExecuteAsync("CLIENT", "GETNAME")).AsString());
        Assert.Equal(1, await client.IncrementAsync("k", cancellationToken: Ct));
        Assert.Contains("db=3", (await client.ExecuteAsync("CLIENT", "INFO")).AsString(), StringComparison.Ordinal);
    }

    /// <summary>Runs <paramref name="test"/> with an ACL user of its own on the shared server (all keys, channels and commands), then deletes it.</summary>
    private static async Task WithAclUserAsync(string password, Func<string, Task> test)
    {
        await using var admin = await RedisTestServer.ConnectAsync(Database);
        var user = $"voting_test_{Guid.NewGuid():N}";
        await admin.ExecuteAsync("ACL", ["SETUSER", user, "on", ">" + password, "~*", "&*", "+@all"], Ct);
        try
        {
            await test(user);
        }
        finally
        {
            await admin.ExecuteAsync("ACL", ["DELUSER", user], Ct);
        }
    }

    // Without a password a server with requirepass accepts the connection but refuses the first command (RESP2) or
    // HELLO itself (RESP3): either way the caller sees RedisAuthenticationException, never a silent success.
    private static async Task<RedisClient?> ConnectOrAuthenticationError(RedisOptions options)
    {
        try
        {
            var client = await RedisClient.ConnectAsync(options);
            await using (client)
            {
                await Assert.ThrowsAsync<RedisAuthenticationException>(async () => await client.PingAsync());
            }

            return null;
        }
        catch (RedisAuthenticationException)
        {
            return null;
        }
    }
}
