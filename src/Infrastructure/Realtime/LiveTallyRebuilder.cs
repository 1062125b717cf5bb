using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Voting.Application.Abstractions;
using Voting.Application.Elections.LiveTally;
using Voting.Domain.Elections;
using Voting.Infrastructure.Redis;

namespace Voting.Infrastructure.Realtime;

/// <summary>
/// Rebuilds the live tallies of open elections from the database at start-up and each time the command
/// connection to Redis comes back (ADR 0032): a Redis that restarted without persistence has forgotten
/// them, and a dashboard should see the count again without waiting for the next vote. Every instance
/// may run one: a rebuild is a compare-and-set, so concurrent ones converge to the newest count.
/// </summary>
internal sealed partial class LiveTallyRebuilder(
    IServiceScopeFactory scopeFactory,
    RedisClient redis,
    TimeProvider time,
    ILogger<LiveTallyRebuilder> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _reconnected = new(0, 1);

    public override void Dispose()
    {
        _reconnected.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        redis.ConnectionStateChanged += OnConnectionStateChanged;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RebuildOpenElectionsAsync(stoppingToken).ConfigureAwait(false);
                    await _reconnected.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    // Redis still down, or the database not ready yet: try the whole pass again shortly.
                    LogPassFailed(exception);
                    try
                    {
                        await Task.Delay(RetryDelay, time, stoppingToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
        }
        finally
        {
            redis.ConnectionStateChanged -= OnConnectionStateChanged;
        }
    }

    private void OnConnectionStateChanged(object? sender, RedisConnectionStateChangedEventArgs change)
    {
        if (change is { Role: RedisConnectionRole.Commands, State: RedisConnectionState.Connected, IsReconnect: true } && _reconnected.CurrentCount == 0)
        {
            try
            {
                _reconnected.Release();
            }
            catch (SemaphoreFullException)
            {
                // Two reconnections at once: one pass serves both.
            }
        }
    }

    private async Task RebuildOpenElectionsAsync(CancellationToken cancellationToken)
    {
        var scope = scopeFactory.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var queries = scope.ServiceProvider.GetRequiredService<IElectionQueries>();
            var tallies = scope.ServiceProvider.GetRequiredService<StoredTallyCounts>();
            var open = await queries.Summaries().Where(e => e.Status == ElectionStatus.Open).Select(e => e.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var id in open)
            {
                await tallies.RebuildAsync(new ElectionId(id), cancellationToken).ConfigureAwait(false);
            }

            LogRebuilt(open.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebuilding the live tallies from the database failed; retrying")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt the live tallies of {Count} open elections from the database")]
    private partial void LogRebuilt(int count);
}
