using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Voting.Application.Chat.PruneRoomLog;

namespace Voting.Infrastructure.Chat;

/// <summary>
/// Runs <see cref="PruneRoomLogHandler"/> at start-up and then every <see cref="RoomLogRetentionOptions.Interval"/>;
/// a pass that stopped at its room limit is followed at once by the next. A failed pass is logged and
/// retried at the next interval: retention late by an interval removes nothing a subscriber still had.
/// </summary>
internal sealed partial class RoomLogRetentionService(
    IServiceScopeFactory scopeFactory,
    IOptions<RoomLogRetentionOptions> options,
    TimeProvider time,
    ILogger<RoomLogRetentionService> logger) : BackgroundService
{
    private readonly RoomLogRetentionOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Decided here rather than at registration, where a test host's configuration is not yet applied.
        if (!_options.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = (await PruneAsync(stoppingToken).ConfigureAwait(false)).MoreRooms;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPassFailed(exception);
            }

            if (more)
            {
                continue;
            }

            try
            {
                await Task.Delay(_options.Interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass, in a scope of its own as a request would have.</summary>
    internal async Task<PruneRoomLogResult> PruneAsync(CancellationToken cancellationToken)
    {
        var scope = scopeFactory.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var handler = scope.ServiceProvider.GetRequiredService<PruneRoomLogHandler>();
            var result = await handler.HandleAsync(
                new PruneRoomLogCommand(_options.MaxAge, _options.BatchSize, _options.RoomsPerPass), cancellationToken).ConfigureAwait(false);
            if (result.Removed > 0)
            {
                LogPruned(result.Removed, result.Rooms, _options.MaxAge);
            }

            return result;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Room log retention pass failed")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Room log retention removed {Removed} entries older than {MaxAge} from {Rooms} rooms")]
    private partial void LogPruned(long removed, int rooms, TimeSpan maxAge);
}
