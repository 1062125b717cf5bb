using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Voting.Infrastructure.Redis;

namespace Voting.Infrastructure.Tests.Redis;

public sealed class RedisServiceCollectionExtensionsTests
{
    [Fact]
    public void Without_configuration_nothing_is_registered()
    {
        var services = new ServiceCollection();
        Assert.False(services.AddRedis(Configuration(null)));
        Assert.Empty(services);
    }

    [Fact]
    public async Task Configured_client_is_a_connected_singleton_once_the_host_starts()
    {
        var services = new ServiceCollection().AddLogging();
        Assert.True(services.AddRedis(Configuration($"{RedisTestServer.Address},defaultDatabase=5,name=di-test")));
        await using var provider = services.BuildServiceProvider();

        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(TestContext.Current.CancellationToken);
        }

        var client = provider.GetRequiredService<RedisClient>();
        Assert.Same(client, provider.GetRequiredService<RedisClient>());
        Assert.Equal(RedisConnectionState.Connected, client.State);
        Assert.Equal(5, client.Options.DefaultDatabase);
        Assert.Equal("di-test", (await client.ExecuteAsync("CLIENT", ["GETNAME"], TestContext.Current.CancellationToken)).AsString());
    }

    [Fact]
    public void Invalid_configuration_stops_registration_with_its_reason()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddRedis(Configuration("localhost,ssl=maybe")));
        Assert.Contains("Redis:Configuration", error.Message, StringComparison.Ordinal);
        Assert.Contains("ssl='maybe'", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(string? value) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [RedisOptions.ConfigurationKey] = value }).Build();
}
