using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Voting.Application.Abstractions;
using Voting.Domain.Common;
using Voting.Infrastructure.Persistence;

namespace Voting.Infrastructure.Outbox;

/// <summary>
/// Delivers committed outbox rows to the <see cref="IEventPublisher"/>, oldest first. Every
/// instance may run one: a row is claimed with a conditional update, so two dispatchers never
/// hold it at once, and a claim that is not completed expires after the lease. Delivery is at
/// least once; a failure is retried with a doubling backoff.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopeFactory,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    IClock clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int delivered;
            try
            {
                delivered = await DispatchBatchAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogBatchFailed(exception);
                delivered = 0;
            }

            if (delivered == 0)
            {
                try
                {
                    await signal.WaitAsync(_options.PollInterval, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims and delivers one batch; returns how many rows were delivered or rescheduled.</summary>
    internal async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var scope = scopeFactory.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<VotingDbContext>();
            var publisher = scope.ServiceProvider.GetRequiredService<IEventPublisher>();
            var claimed = await ClaimAsync(db, cancellationToken).ConfigureAwait(false);
            var delivered = new List<long>(claimed.Count);
            foreach (var message in claimed)
            {
                try
                {
                    await publisher.PublishAsync(OutboxSerializer.ToEvent(message), cancellationToken).ConfigureAwait(false);
                    delivered.Add(message.Id);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    await RescheduleAsync(db, message, exception, cancellationToken).ConfigureAwait(false);
                }
            }

            // One update marks the batch: a crash before it redelivers these rows, which at least once allows.
            if (delivered.Count > 0)
            {
                var processedAt = clock.UtcNow;
                await db.OutboxMessages.Where(m => delivered.Contains(m.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, processedAt).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken)
                    .ConfigureAwait(false);
            }

            return claimed.Count;
        }
    }

    /// <summary>
    /// Claims up to a batch of due rows, oldest first, with one conditional UPDATE … RETURNING, which also
    /// returns the rows (a separate read of them was one more statement per pass): a row comes back only to
    /// the dispatcher whose update changed it. PostgreSQL re-checks the condition on a row another dispatcher
    /// updated meanwhile (so it is not claimed twice) and skips rows locked by a claim in progress; SQLite has
    /// one writer at a time. Two dispatchers may compute the same lease end (same clock reading), so the
    /// lease value cannot tell whose claim a row carries.
    /// </summary>
    private async Task<List<OutboxMessage>> ClaimAsync(VotingDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var until = now + _options.Lease;
        var postgres = db.Database.IsNpgsql();

        var batch = _options.BatchSize;

        // SQLite keeps DateTimeOffset as UTC ticks (VotingDbContext) and has no row locks; PostgreSQL
        // keeps timestamptz and lets concurrent claims skip each other's rows. Not composed further, so
        // EF Core sends the statement as written and materialises what it returns.
        var claim = postgres
            ? db.OutboxMessages.FromSql($"""
                UPDATE "OutboxMessages" SET "LockedUntil" = {until.ToUniversalTime()}
                WHERE "Id" IN (
                    SELECT "Id" FROM "OutboxMessages"
                    WHERE "ProcessedAt" IS NULL AND ("LockedUntil" IS NULL OR "LockedUntil" < {now.ToUniversalTime()})
                    ORDER BY "Id" LIMIT {batch}
                    FOR UPDATE SKIP LOCKED)
                  AND "ProcessedAt" IS NULL AND ("LockedUntil" IS NULL OR "LockedUntil" < {now.ToUniversalTime()})
                RETURNING *
                """)
            : db.OutboxMessages.FromSql($"""
                UPDATE "OutboxMessages" SET "LockedUntil" = {until.UtcTicks}
                WHERE "Id" IN (
                    SELECT "Id" FROM "OutboxMessages"
                    WHERE "ProcessedAt" IS NULL AND ("LockedUntil" IS NULL OR "LockedUntil" < {now.UtcTicks})
                    ORDER BY "Id" LIMIT {batch})
                  AND "ProcessedAt" IS NULL AND ("LockedUntil" IS NULL OR "LockedUntil" < {now.UtcTicks})
                RETURNING *
                """);
        var claimed = await claim.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);

        // RETURNING gives no order: delivered oldest first.
        claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
        return claimed;
    }

    private async Task RescheduleAsync(VotingDbContext db, OutboxMessage message, Exception exception, CancellationToken cancellationToken)
    {
        var attempts = message.Attempts + 1;
        var backoff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(attempts - 1, 30)), _options.MaxBackoff.TotalSeconds));
        var retryAt = clock.UtcNow + backoff;
        var error = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
        LogDeliveryFailed(exception, message.Id, message.Type, attempts, backoff);
        await db.OutboxMessages.Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, error).SetProperty(m => m.LockedUntil, retryAt),
                cancellationToken)
            .ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox batch failed")]
    private partial void LogBatchFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Type}) failed on attempt {Attempts}; retrying in {Backoff}")]
    private partial void LogDeliveryFailed(Exception exception, long id, string type, int attempts, TimeSpan backoff);
}
