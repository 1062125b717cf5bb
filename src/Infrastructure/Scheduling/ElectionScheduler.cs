using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Voting.Application.Elections.AdvanceScheduledElections;
using Voting.Domain.Common;

namespace Voting.Infrastructure.Scheduling;

/// <summary>
/// Opens and closes elections at their times: runs <see cref="AdvanceScheduledElectionsHandler"/>,
/// then sleeps until the nearest opening or closing time, the poll interval at most (an officer may
/// edit a Scheduled election's times, which raises no event), or until a status event wakes it.
/// Every instance may run one; the use case makes a second one harmless.
/// </summary>
internal sealed partial class ElectionScheduler(
    IServiceScopeFactory scopeFactory,
    SchedulerSignal signal,
    IOptions<SchedulingOptions> options,
    IClock clock,
    ILogger<ElectionScheduler> logger) : BackgroundService
{
    private readonly SchedulingOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Decided here rather than at registration, where a test host's configuration is not yet applied.
        if (!_options.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = _options.PollInterval;
            try
            {
                var result = await AdvanceAsync(stoppingToken).ConfigureAwait(false);
                if (result.NextDueAt is { } next)
                {
                    wait = TimeSpan.FromTicks(Math.Clamp((next - clock.UtcNow).Ticks, 0, wait.Ticks));
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPassFailed(exception);
            }

            try
            {
                await signal.WaitAsync(wait, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass, in a scope of its own as a request would have.</summary>
    internal async Task<AdvanceScheduledElectionsResult> AdvanceAsync(CancellationToken cancellationToken)
    {
        var scope = scopeFactory.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var handler = scope.ServiceProvider.GetRequiredService<AdvanceScheduledElectionsHandler>();
            var result = await handler.HandleAsync(new AdvanceScheduledElectionsCommand(_options.BatchSize), cancellationToken).ConfigureAwait(false);
            if (result.Opened + result.Closed > 0)
            {
                LogAdvanced(result.Opened, result.Closed);
            }

            if (result.Skipped > 0)
            {
                LogSkipped(result.Skipped);
            }

            return result;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled transitions pass failed")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler opened {Opened} and closed {Closed} elections")]
    private partial void LogAdvanced(int opened, int closed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Scheduler left {Skipped} due elections alone (moved meanwhile, or a rule refused the step)")]
    private partial void LogSkipped(int skipped);
}
