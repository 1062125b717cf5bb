using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Voting.Application.Abstractions;
using Voting.Domain.Elections;
using Voting.Domain.Users;

namespace Voting.Infrastructure.Persistence.Voting;

/// <summary>
/// Reads voters in groups (ADR 0025): one reader takes every request waiting at that moment and
/// answers them with one query; requests that arrive meanwhile form the next group. Like group
/// commit, a lone request is answered at once and groups grow with load by themselves. Each
/// read uses a scope of its own, so a vote's request never needs a DbContext of its own.
/// </summary>
internal sealed class BatchedVoterReader(IServiceScopeFactory scopes) : IVoters, IAsyncDisposable
{
    /// <summary>The most users in one query; bounds its parameter list.</summary>
    internal const int MaxBatchSize = 500;

    private readonly Queue<(UserId Id, TaskCompletionSource<User?> Answer)> _waiting = new();
    private readonly DrainScopes _scopes = new(scopes);
    private bool _running;

    public Task<User?> GetAsync(UserId id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var answer = new TaskCompletionSource<User?>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_waiting)
        {
            _waiting.Enqueue((id, answer));
            start = !_running;
            _running = true;
        }

        if (start)
        {
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(DrainAsync, CancellationToken.None);
            }
        }

        // A read has no effect: a caller that gives up just stops waiting for it.
        return answer.Task.WaitAsync(cancellationToken);
    }

    public async Task<bool> IsOnVoterRollAsync(ElectionId electionId, CitizenId citizenId, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            return await scope.ServiceProvider.GetRequiredService<VotingDbContext>().VoterRollEntries
                .AnyAsync(v => v.ElectionId == electionId && v.CitizenId == citizenId, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DrainAsync()
    {
        // A kept scope (and DbContext, reading untracked) serves the groups (DrainScopes).
        AsyncServiceScope? scope = null;
        try
        {
            while (true)
            {
                var batch = new List<(UserId Id, TaskCompletionSource<User?> Answer)>();
                lock (_waiting)
                {
                    while (batch.Count < MaxBatchSize && _waiting.TryDequeue(out var request))
                    {
                        batch.Add(request);
                    }

                    if (batch.Count == 0)
                    {
                        _running = false;
                        return;
                    }
                }

                try
                {
                    var ids = batch.Select(r => r.Id).Distinct().ToList();
                    scope ??= _scopes.Rent();
                    var users = await scope.Value.ServiceProvider.GetRequiredService<VotingDbContext>().Users.AsNoTracking()
                        .Where(u => ids.Contains(u.Id))
                        .ToListAsync(CancellationToken.None).ConfigureAwait(false);
                    var byId = users.ToDictionary(u => u.Id);
                    foreach (var (id, answer) in batch)
                    {
                        answer.TrySetResult(byId.GetValueOrDefault(id));
                    }
                }
                catch (Exception exception)
                {
                    foreach (var (_, answer) in batch)
                    {
                        answer.TrySetException(exception);
                    }

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
}
