using System.Security.Claims;
using Voting.GraphQL.Fetching;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Execution;

/// <summary>What every step of one execution shares: the schema, the operation, its coerced variables, the errors so far.</summary>
internal sealed class ExecutionState(
    Schema schema,
    OperationDefinitionNode operation,
    IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
    IReadOnlyDictionary<string, object?> variables,
    ExecutionOptions options,
    IServiceProvider? services,
    ClaimsPrincipal? user,
    CancellationToken cancellationToken)
{
    private readonly Lock _gate = new();
    private List<Task>? _detached;
    private DataLoaderScope? _dataLoaders;

    public Schema Schema { get; } = schema;

    public OperationDefinitionNode Operation { get; } = operation;

    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; } = fragments;

    public IReadOnlyDictionary<string, object?> Variables { get; } = variables;

    public ExecutionOptions Options { get; } = options;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Who sends the request; null is anonymous.</summary>
    public ClaimsPrincipal? User { get; } = user;

    public CollectedErrors Errors { get; } = new();

    /// <summary>The request's loaders, made on first use; one scheduler dispatches them all.</summary>
    public DataLoaderScope DataLoaders
    {
        get
        {
            if (_dataLoaders is { } existing)
            {
                return existing;
            }

            var created = new DataLoaderScope(new BatchScheduler(), services);
            return Interlocked.CompareExchange(ref _dataLoaders, created, null) ?? created;
        }
    }

    /// <summary>The scheduler if some resolver has used a loader.</summary>
    public BatchScheduler? Scheduler => Volatile.Read(ref _dataLoaders)?.Scheduler;

    /// <summary>
    /// Work that still runs after its parent gave up on it (a sibling's null propagated first). Its
    /// value no longer matters, but the execution waits for it so that no resolver outlives the
    /// request's services.
    /// </summary>
    public void Detach(ValueTask<object?> work)
    {
        if (work.IsCompleted)
        {
            return;
        }

        var task = work.AsTask();
        lock (_gate)
        {
            (_detached ??= []).Add(task);
        }
    }

    public async Task WaitForDetachedAsync()
    {
        while (true)
        {
            Task[] tasks;
            lock (_gate)
            {
                if (_detached is null || _detached.Count == 0)
                {
                    return;
                }

                tasks = [.. _detached];
                _detached.Clear();
            }

            // Detached work never faults (every field catches its own errors); wait, don't observe.
            await Task.WhenAll(tasks).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public bool HasDetached
    {
        get
        {
            lock (_gate)
            {
                return _detached is { Count: > 0 };
            }
        }
    }
}
