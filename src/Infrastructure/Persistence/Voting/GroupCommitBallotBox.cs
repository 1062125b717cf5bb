using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Voting.Application.Abstractions;
using Voting.Domain.Ballots;
using Voting.Domain.Elections;

namespace Voting.Infrastructure.Persistence.Voting;

/// <summary>
/// Group commit (ADR 0025): one writer per election in this process takes every vote waiting at
/// that moment and commits them in one transaction (<see cref="VoteBatchWriter"/>); votes that
/// arrive meanwhile wait for the next batch. Each caller is answered after its batch commits.
/// Across processes the election's "BallotSequences" row lock still serialises the batches.
/// </summary>
internal sealed class GroupCommitBallotBox(IServiceScopeFactory scopes) : IBallotBox, IAsyncDisposable
{
    /// <summary>The most votes in one transaction; bounds its statements' parameters and its lock time.</summary>
    internal const int MaxBatchSize = 500;

    private readonly ConcurrentDictionary<ElectionId, ElectionQueue> _queues = new();
    private readonly DrainScopes _scopes = new(scopes);

    public Task<CastVoteResult> CommitAsync(PendingVote vote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vote);
        cancellationToken.ThrowIfCancellationRequested();
        var queued = new QueuedVote(vote);
        var queue = _queues.GetOrAdd(vote.Election.Id, static _ => new ElectionQueue());
        bool start;
        lock (queue)
        {
            queue.Waiting.Enqueue(queued);
            start = !queue.Running;
            queue.Running = true;
        }

        if (start)
        {
            // The writer belongs to no request: its scope, logging context and cancellation are its own.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => DrainAsync(vote.Election.Id, queue), CancellationToken.None);
            }
        }

        return queued.WaitAsync(cancellationToken);
    }


    private async Task DrainAsync(ElectionId electionId, ElectionQueue queue)
    {
        // A kept scope (and DbContext) serves the batches (DrainScopes): building a DbContext per batch was a
        // large share of a small batch's cost. Batches of one writer never overlap on it.
        AsyncServiceScope? scope = null;
        try
        {
            while (true)
            {
                var batch = new List<QueuedVote>();
                lock (queue)
                {
                    while (batch.Count < MaxBatchSize && queue.Waiting.TryDequeue(out var queued))
                    {
                        if (queued.TryTake())
                        {
                            batch.Add(queued);
                        }
                    }

                    if (batch.Count == 0)
                    {
                        queue.Running = false;
                        return;
                    }
                }

                try
                {
                    scope ??= _scopes.Rent();
                    await scope.Value.ServiceProvider.GetRequiredService<VoteBatchWriter>().CommitAsync(electionId, batch).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    // Nothing of the batch committed: every vote in it fails (answered ones ignore this).
                    foreach (var queued in batch)
                    {
                        queued.Fail(exception);
                    }

                    // Whatever state the failure left in it goes with it.
                    if (scope is { } failed)
                    {
                        await failed.DisposeAsync().ConfigureAwait(false);
                    }

                    scope = null;
                }
            }
        }
        finally
        {
            if (scope is { } completed)
            {
                await _scopes.ReturnAsync(completed).ConfigureAwait(false);
            }
        }
    }

    public ValueTask DisposeAsync() => _scopes.DisposeAsync();

    /// <summary>One election's waiting votes; guarded by locking the instance.</summary>
    private sealed class ElectionQueue
    {
        public Queue<QueuedVote> Waiting { get; } = new();

        public bool Running { get; set; }
    }
}
