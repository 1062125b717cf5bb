using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Voting.Infrastructure.Redis;

public static class RedisServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="RedisClient"/> when <c>Redis:Configuration</c> is set, and nothing otherwise
    /// (returns whether it did). The configuration is parsed here, so a bad string stops start-up with its reason; a
    /// hosted service opens the connection at start-up (failing it when Redis is unreachable, unless
    /// <c>abortConnect=false</c>) and the container disposes the client on shutdown.
    /// </summary>
    public static bool AddRedis(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[RedisOptions.ConfigurationKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        RedisOptions options;
        try
        {
            options = RedisOptions.Parse(text);
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"{RedisOptions.ConfigurationKey} is invalid: {exception.Message}", exception);
        }

        services.AddSingleton(options);
        services.AddSingleton(provider => new RedisClient(options, provider.GetService<ILogger<RedisClient>>()));
        services.AddHostedService<RedisConnector>();
        return true;
    }

    /// <summary>Opens the client's connection when the host starts, before requests are served.</summary>
    private sealed class RedisConnector(RedisClient client) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => client.ConnectAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
