using Voting.GraphQL.Errors;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Execution;

/// <summary>
/// Executes a validated operation (spec section 6, graphql-js's <c>execute</c>): selects the
/// operation, coerces its variables and runs its root selection set, in parallel for queries and
/// serially for mutations, completing values and propagating nulls as the spec says.
/// </summary>
public static class Executor
{
    private static readonly IReadOnlyDictionary<string, FragmentDefinitionNode> NoFragments = new Dictionary<string, FragmentDefinitionNode>();

    /// <summary>Spec 6.1 ExecuteRequest for queries and mutations.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired (the client went away).</exception>
    public static Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prepared = Prepare(request, out var requestError);
        if (prepared is null)
        {
            return Task.FromResult(requestError!);
        }

        var (operation, fragments, variables) = prepared.Value;
        if (operation.Operation == OperationType.Subscription)
        {
            return Task.FromResult(ExecutionResult.FromError("Subscriptions need a streaming transport: graphql-transport-ws or GraphQL over SSE.", ErrorCodes.OperationNotAllowed));
        }

        var rootType = request.Schema.GetRootType(operation.Operation);
        if (rootType is null)
        {
            return Task.FromResult(new ExecutionResult(null, [NotConfigured(operation)]));
        }

        return ExecuteOperationAsync(request, operation, fragments, variables, rootType, request.RootValue, cancellationToken);
    }

    /// <summary>
    /// Spec 6.2.3 Subscribe: creates the source event stream of a subscription operation's one root
    /// field and maps each of its events to a response (see <see cref="SubscriptionResult"/> for the
    /// stream's contract: ordering, errors, cancellation, DI scopes and time limits).
    /// </summary>
    /// <param name="request">A validated subscription; <see cref="ExecutionRequest.RootValue"/> is the subscriber's parent.</param>
    /// <param name="cancellationToken">Ends the subscription: the source stream sees it fire and is disposed.</param>
    /// <returns>A request error (no data), or the response stream.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired while the source stream was being created.</exception>
    public static Task<SubscriptionResult> SubscribeAsync(ExecutionRequest request, CancellationToken cancellationToken = default) =>
        SubscriptionExecutor.SubscribeAsync(request, cancellationToken);

    /// <summary>
    /// Subscribe with <paramref name="lifetime"/> as the subscription's own token source, for a transport that has one
    /// per operation already: no linked source and no registration on it, which an idle subscription would keep.
    /// The subscription cancels it when its response stream ends; the caller still owns (and disposes) it.
    /// </summary>
    internal static Task<SubscriptionResult> SubscribeAsync(ExecutionRequest request, CancellationTokenSource lifetime) =>
        SubscriptionExecutor.SubscribeAsync(request, lifetime, ownsLifetime: false);

    internal static GraphQLError NotConfigured(OperationDefinitionNode operation) =>
        Error($"Schema is not configured to execute {operation.Operation.ToString().ToLowerInvariant()} operation.", operation, ErrorCodes.OperationNotAllowed);

    /// <summary>
    /// Spec 6.2.1/6.2.2 (and 6.2.3.2 ExecuteSubscriptionEvent): the root selection set on
    /// <paramref name="rootValue"/>, in parallel with a DI scope per root field, or serially for a
    /// mutation, under the request's work queue and within its time limit.
    /// </summary>
    internal static async Task<ExecutionResult> ExecuteOperationAsync(
        ExecutionRequest request,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        ObjectType rootType,
        object? rootValue,
        CancellationToken cancellationToken,
        RenewableTimeout? renewableTimeout = null)
    {
        CancellationTokenSource? timeout = null;
        var token = cancellationToken;
        if (request.Options.Timeout is { } limit)
        {
            if (renewableTimeout is not null)
            {
                token = renewableTimeout.Arm(limit);
            }
            else
            {
                timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(limit);
                token = timeout.Token;
            }
        }

        try
        {
            return await ExecuteOperationCoreAsync(request, operation, fragments, variables, rootType, rootValue, cancellationToken, token).ConfigureAwait(false);
        }
        finally
        {
            timeout?.Dispose();
            if (request.Options.Timeout is not null)
            {
                renewableTimeout?.Disarm();
            }
        }
    }

    private static async Task<ExecutionResult> ExecuteOperationCoreAsync(
        ExecutionRequest request,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        ObjectType rootType,
        object? rootValue,
        CancellationToken cancellationToken,
        CancellationToken token)
    {
        var state = new ExecutionState(request.Schema, operation, fragments, variables, request.Options, request.Services, request.User, token);
        var executor = new OperationExecutor(state);
        var queue = new ExecutionSynchronizationContext();
        try
        {
            ValueTask<object?> work = default;
            queue.Run(_ =>
            {
                var rootFields = OperationPlan.RootFieldsFor(state, rootType, request.Document);
                work = operation.Operation == OperationType.Mutation
                    ? executor.ExecuteFieldsSerially(rootType, rootValue, rootFields, request.Services)
                    : executor.ExecuteFields(rootType, rootValue, null, rootFields, request.Services, scopePerField: true);
            }, null);

            object? data;
            if (work.IsCompletedSuccessfully)
            {
                data = work.Result;
            }
            else
            {
                var root = work.AsTask();
                await RunUntilAsync(root, queue, state, token).ConfigureAwait(false);
                data = await root.ConfigureAwait(false);
            }

            // Recorded before the detached work is waited for: once data is null, graphql-js drops the
            // errors of fields still running (CollectedErrors below a nulled position), and so do we.
            if (data is NullPropagation propagation)
            {
                state.Errors.Add(propagation.Error, null);
                data = null;
            }

            if (state.HasDetached)
            {
                await RunUntilAsync(state.WaitForDetachedAsync(), queue, state, token).ConfigureAwait(false);
            }

            if (token.IsCancellationRequested)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return TimedOut(request.Options.Timeout!.Value);
            }

            return new ExecutionResult((IReadOnlyDictionary<string, object?>?)data, state.Errors.Snapshot());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && token.IsCancellationRequested)
        {
            return TimedOut(request.Options.Timeout!.Value);
        }
    }

    /// <summary>
    /// The request's loop: run the executor's queued steps; when none is left and loaders have keys
    /// waiting, dispatch them (the "execution queue drains" moment); otherwise wait for either.
    /// </summary>
    internal static async Task RunUntilAsync(Task work, ExecutionSynchronizationContext queue, ExecutionState state, CancellationToken token)
    {
        // Made now, so a resolver that first uses a loader from a pool thread still wakes this loop.
        var scheduler = state.DataLoaders.Scheduler;
        while (true)
        {
            queue.RunPending();
            if (work.IsCompleted)
            {
                return;
            }

            if (scheduler.HasPending)
            {
                await scheduler.DispatchAsync(token).ConfigureAwait(false);
                continue;
            }

            await Task.WhenAny(work, queue.WhenPosted(), scheduler.WhenPending).WaitAsync(token).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Spec 6.1 GetOperation: the named operation, or the only one when no name is given; null when
    /// there is no such operation or the choice is ambiguous.
    /// </summary>
    public static OperationDefinitionNode? GetOperation(DocumentNode document, string? operationName) =>
        FindOperation(document, operationName, out _);

    private static ExecutionResult TimedOut(TimeSpan limit) =>
        ExecutionResult.FromError($"The execution took longer than its limit of {limit.TotalSeconds:0.###} seconds and was cancelled.", ErrorCodes.ExecutionTimeout);

    internal static (OperationDefinitionNode Operation, IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments, IReadOnlyDictionary<string, object?> Variables)? Prepare(
        ExecutionRequest request,
        out ExecutionResult? requestError)
    {
        requestError = null;
        var operation = FindOperation(request.Document, request.OperationName, out var problem);
        if (operation is null)
        {
            requestError = ExecutionResult.FromError(problem!, ErrorCodes.BadUserInput);
            return null;
        }

        Dictionary<string, FragmentDefinitionNode>? fragments = null;
        foreach (var definition in request.Document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                (fragments ??= new(StringComparer.Ordinal)).TryAdd(fragment.Name.Value, fragment);
            }
        }

        var errors = new List<GraphQLError>();
        var variables = VariableCoercion.Coerce(request.Schema, operation, request.VariableValues, errors);
        if (errors.Count > 0)
        {
            requestError = ExecutionResult.FromErrors(errors);
            return null;
        }

        return (operation, fragments ?? NoFragments, variables);
    }

    private static OperationDefinitionNode? FindOperation(DocumentNode document, string? operationName, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(document);
        problem = null;
        OperationDefinitionNode? found = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not OperationDefinitionNode operation)
            {
                continue;
            }

            if (operationName is null)
            {
                if (found is not null)
                {
                    problem = "Must provide operation name if query contains multiple operations.";
                    return null;
                }

                found = operation;
            }
            else if (operation.Name?.Value == operationName)
            {
                return operation;
            }
        }

        if (found is null)
        {
            problem = operationName is null ? "Must provide an operation." : $"Unknown operation named \"{operationName}\".";
        }

        return found;
    }

    private static GraphQLError Error(string message, Node node, string code) => new(
        message,
        node.Location is { } location ? [location.StartLocation] : null,
        extensions: new Dictionary<string, object?> { ["code"] = code });
}
