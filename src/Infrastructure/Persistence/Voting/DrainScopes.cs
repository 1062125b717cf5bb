using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace Voting.Infrastructure.Persistence.Voting;

/// <summary>
/// DI scopes (each with its DbContext) kept for the batch loops of group commit (ADR 0031). Building a
/// DbContext costs more than a small batch's own work, and under load the loops start and stop many
/// times a second, so a loop rents a scope and returns it when its queue runs dry. A loop runs one batch at a time on its scope, and only a batch that completed returns it: a
/// scope that saw a failure is disposed, so nothing of a failed batch reaches the next one.
/// </summary>
internal sealed class DrainScopes(IServiceScopeFactory scopes) : IAsyncDisposable
{
    /// <summary>Idle scopes kept at most; more loops than this at once (many elections) make their own.</summary>
    private const int MaxIdle = 4;

    private readonly ConcurrentQueue<AsyncServiceScope> _idle = new();
    private bool _disposed;

    public AsyncServiceScope Rent() => _idle.TryDequeue(out var scope) ? scope : scopes.CreateAsyncScope();

    /// <summary>Keeps a scope whose last batch completed, for the next loop.</summary>
    public ValueTask ReturnAsync(AsyncServiceScope scope)
    {
        if (Volatile.Read(ref _disposed) || _idle.Count >= MaxIdle)
        {
            return scope.DisposeAsync();
        }

        _idle.Enqueue(scope);

        // Returned while the owner was being disposed: nothing would dispose it later.
        return Volatile.Read(ref _disposed) ? DisposeAsync() : ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _disposed, true);
        while (_idle.TryDequeue(out var scope))
        {
            await scope.DisposeAsync().ConfigureAwait(false);
        }
    }
}
