using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Voting.Application.Elections.PublishTally;
using Voting.Domain.Elections;

namespace Voting.Application.Elections.LiveTally;

/// <summary>
/// Publishes each election's tally at most <see cref="LiveTallyOptions.MaxUpdatesPerSecond"/> times a
/// second, always ending with one that counts the latest vote. A caller asks for a snapshot that
/// includes ballot <c>sequence</c> and waits until one is out: every caller that arrives while a
/// snapshot is due joins that one, and a snapshot that starts reading after a ballot committed
/// counts it. Publications of one election run one at a time, so they leave in version order.
/// </summary>
/// <remarks>
/// Waiting is the point: the outbox marks a VoteCast delivered only when its handler returns, so a
/// crash before the snapshot went out redelivers the vote and the snapshot is published then.
/// </remarks>
public sealed class LiveTallyCoalescer : IDisposable
{
    private readonly ConcurrentDictionary<ElectionId, ElectionPublications> _elections = new();
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationToken _stoppingToken;

    public LiveTallyCoalescer(IServiceScopeFactory scopes, TimeProvider time, LiveTallyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxUpdatesPerSecond, 1);
        _scopes = scopes;
        _time = time;
        _interval = TimeSpan.FromSeconds(1.0 / options.MaxUpdatesPerSecond);

        // Taken once: a loop still running when the coalescer is disposed must not touch the disposed source.
        _stoppingToken = _stopping.Token;
    }

    /// <summary>Completes once a snapshot of <paramref name="electionId"/> counting ballot <paramref name="sequence"/> has been published (or the tally is hidden).</summary>
    public Task EnsurePublishedAsync(ElectionId electionId, long sequence, CancellationToken cancellationToken)
    {
        var election = _elections.GetOrAdd(electionId, static _ => new ElectionPublications());
        Task due;
        bool start;
        lock (election)
        {
            if (election.PublishedVersion >= sequence)
            {
                return Task.CompletedTask;
            }

            election.Next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            due = election.Next.Task;
            start = !election.Running;
            election.Running = true;
        }

        if (start)
        {
            // The loop belongs to no caller: a caller that gives up must not cancel the others' snapshot.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => RunAsync(electionId, election), CancellationToken.None);
            }
        }

        return due.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task RunAsync(ElectionId electionId, ElectionPublications election)
    {
        while (true)
        {
            TimeSpan wait;
            lock (election)
            {
                if (election.Next is null)
                {
                    election.Running = false;
                    return;
                }

                wait = election.LastStarted is { } last ? _interval - _time.GetElapsedTime(last) : TimeSpan.Zero;
            }

            TaskCompletionSource publication;
            try
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, _stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                lock (election)
                {
                    election.Next?.TrySetCanceled(_stoppingToken);
                    election.Next = null;
                    election.Running = false;
                }

                return;
            }

            lock (election)
            {
                publication = election.Next!;
                election.Next = null;
                election.LastStarted = _time.GetTimestamp();
            }

            try
            {
                var version = await PublishOnceAsync(electionId).ConfigureAwait(false);
                lock (election)
                {
                    election.PublishedVersion = Math.Max(election.PublishedVersion, version ?? 0);
                }

                publication.TrySetResult();
            }
            catch (Exception exception)
            {
                // Every waiter fails, so the outbox retries their votes; the next request starts afresh.
                publication.TrySetException(exception);
            }
        }
    }

    private async Task<long?> PublishOnceAsync(ElectionId electionId)
    {
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var handler = scope.ServiceProvider.GetRequiredService<PublishTallyHandler>();
            return await handler.HandleAsync(new PublishTallyCommand(electionId), _stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>One election's publications; guarded by locking the instance.</summary>
    private sealed class ElectionPublications
    {
        /// <summary>The highest version this instance has published; a request at or below it is already served.</summary>
        public long PublishedVersion { get; set; }

        /// <summary>The snapshot callers are waiting for that has not started reading yet.</summary>
        public TaskCompletionSource? Next { get; set; }

        public bool Running { get; set; }

        public long? LastStarted { get; set; }
    }
}
