using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Execution;

/// <summary>
/// Spec 6.2.3 Subscribe, named as the spec names its steps: CreateSourceEventStream (with
/// ResolveFieldEventStream) and MapSourceToResponseEvent, whose ExecuteSubscriptionEvent is the
/// query's own execution with the event as root value (<see cref="Executor.ExecuteOperationAsync"/>).
/// Messages follow graphql-js 17.1's <c>subscribe</c>. The contract a transport relies on is on
/// <see cref="SubscriptionResult"/>.
/// </summary>
internal static class SubscriptionExecutor
{
    private static readonly IReadOnlyDictionary<string, object?> NoArguments = new Dictionary<string, object?>();

    public static Task<SubscriptionResult> SubscribeAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SubscribeAsync(request, CancellationTokenSource.CreateLinkedTokenSource(cancellationToken), ownsLifetime: true);
    }

    /// <summary>
    /// Subscribe with <paramref name="lifetime"/> as the source stream's token source: cancelled when the response
    /// stream ends, disposed with the subscription only when <paramref name="ownsLifetime"/>.
    /// </summary>
    public static async Task<SubscriptionResult> SubscribeAsync(ExecutionRequest request, CancellationTokenSource lifetime, bool ownsLifetime)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(lifetime);
        var prepared = Executor.Prepare(request, out var requestError);
        ExecutionResult? refused = null;
        if (prepared is null)
        {
            refused = requestError!;
        }
        else if (prepared.Value.Operation.Operation != OperationType.Subscription)
        {
            refused = ExecutionResult.FromError("Expected subscription operation.", ErrorCodes.OperationNotAllowed);
        }
        else if (request.Schema.SubscriptionType is null)
        {
            refused = ExecutionResult.FromErrors([Executor.NotConfigured(prepared.Value.Operation)]);
        }

        if (refused is not null)
        {
            if (ownsLifetime)
            {
                lifetime.Dispose();
            }

            return SubscriptionResult.FromRequestError(refused);
        }

        var (operation, fragments, variables) = prepared!.Value;
        var rootType = request.Schema.SubscriptionType!;

        // The source stream lives as long as the subscription: its resolver's token is this one, and
        // it runs in a DI scope of its own, so two subscriptions of one connection share no scoped service;
        // the scope is made when its resolver first asks for a scoped service, not for every subscription.
        var scope = request.Services is { } services && services.GetService(typeof(IServiceScopeFactory)) is IServiceScopeFactory factory
            ? new LazyServiceScope(services, factory, services.GetService(typeof(IServiceProviderIsService)) as IServiceProviderIsService)
            : null;
        var subscription = new Subscription(request, operation, fragments, variables, rootType, lifetime, ownsLifetime, scope);
        try
        {
            var (field, source, failure, sharedKey) = await CreateSourceEventStreamAsync(subscription).ConfigureAwait(false);
            if (failure is not null)
            {
                await subscription.DisposeAsync().ConfigureAwait(false);
                return SubscriptionResult.FromRequestError(failure);
            }

            return SubscriptionResult.FromStream(MapSourceToResponseEventAsync(subscription, field!, source!, sharedKey, CancellationToken.None));
        }
        catch
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Spec 6.2.3.1 CreateSourceEventStream and ResolveFieldEventStream: the one root field's
    /// subscriber, called under a work queue of its own (so a DataLoader it uses is dispatched).
    /// Returns the field and its stream, or a request error, and whether its events' results may be shared
    /// with other subscriptions (<see cref="SharedEventResults"/>).
    /// </summary>
    private static async Task<(CollectedField? Field, IAsyncEnumerable<object?>? Source, ExecutionResult? Error, SharedKey? SharedKey)> CreateSourceEventStreamAsync(Subscription subscription)
    {
        var request = subscription.Request;
        var state = new ExecutionState(
            request.Schema, subscription.Operation, subscription.Fragments, subscription.Variables, request.Options, subscription.Services, request.User, subscription.Lifetime.Token);
        var rootFields = OperationPlan.RootFieldsFor(state, subscription.RootType, request.Document);
        if (rootFields.Count != 1)
        {
            // Validation's SingleFieldSubscriptionsRule already refuses this; a document that skipped
            // validation still gets the spec's request error rather than an arbitrary field.
            var label = subscription.Operation.Name is { } name ? $"Subscription \"{name.Value}\"" : "Anonymous Subscription";
            return (null, null, ExecutionResult.FromError($"{label} must select only one top level field.", ErrorCodes.ValidationFailed), null);
        }

        var field = rootFields[0];
        var path = ResponsePath.Root(field.ResponseName);
        var executor = new OperationExecutor(state);
        try
        {
            var arguments = field.Definition.Arguments.Count == 0 ? NoArguments : field.GetArguments(state);
            if (arguments is GraphQLException argumentError)
            {
                throw argumentError;
            }

            var context = new ResolverContext(state, subscription.RootType, field, request.RootValue, path, (IReadOnlyDictionary<string, object?>)arguments, subscription.Services);
            var subscriber = field.Definition.Subscriber ?? DefaultFieldResolver.Instance;
            var queue = new ExecutionSynchronizationContext();
            ValueTask<object?> resolving = default;
            queue.Run(_ => resolving = Invoke(subscriber, context), null);
            if (!resolving.IsCompleted)
            {
                var pending = resolving.AsTask();
                await Executor.RunUntilAsync(pending, queue, state, state.CancellationToken).ConfigureAwait(false);
                resolving = new ValueTask<object?>(pending);
            }

            var resolved = await resolving.ConfigureAwait(false);
            if (resolved is Exception exception)
            {
                throw exception;
            }

            var source = AsEventStream(resolved)
                ?? throw new GraphQLException($"Subscription field must return Async Iterable. Received: {Inspector.Inspect(resolved)}.", ErrorCodes.InvalidResult);
            return (field, source, null, SharedEventResults.KeyFor(state, field));
        }
        catch (OperationCanceledException) when (subscription.Lifetime.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            return (field, null, ExecutionResult.FromErrors([executor.ToGraphQLError(exception, field, path)]), null);
        }
    }

    // A stream of value types (IAsyncEnumerable<int>) is no IAsyncEnumerable<object?>: its events are boxed.
    private static IAsyncEnumerable<object?>? AsEventStream(object? resolved)
    {
        if (resolved is null or IAsyncEnumerable<object?>)
        {
            return (IAsyncEnumerable<object?>?)resolved;
        }

        var streamType = Array.Find(resolved.GetType().GetInterfaces(), i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>));
        return streamType is null
            ? null
            : (IAsyncEnumerable<object?>)typeof(SubscriptionExecutor).GetMethod(nameof(Box), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(streamType.GetGenericArguments()[0])
                .Invoke(null, [resolved, CancellationToken.None])!;
    }

    private static async IAsyncEnumerable<object?> Box<T>(IAsyncEnumerable<T> stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    private static ValueTask<object?> Invoke(FieldResolver subscriber, ResolverContext context)
    {
        try
        {
            return subscriber(context);
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<object?>(exception);
        }
    }

    /// <summary>
    /// Spec 6.2.3.2 MapSourceToResponseEvent: each source event, in order, executed as the root value
    /// (ExecuteSubscriptionEvent); a failing source ends the stream with one result carrying its error. A
    /// subscription with a <paramref name="sharedKey"/> takes an event's result from another that executed it first.
    /// </summary>
    private static async IAsyncEnumerable<ExecutionResult> MapSourceToResponseEventAsync(
        Subscription subscription,
        CollectedField field,
        IAsyncEnumerable<object?> source,
        SharedKey? sharedKey,
        [EnumeratorCancellation] CancellationToken enumerationToken)
    {
        var lifetime = subscription.Lifetime;
        var request = subscription.Request;
        var stop = enumerationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), lifetime);
        var events = source.GetAsyncEnumerator(lifetime.Token);

        // Made at the first event, so an idle subscription holds no timer.
        RenewableTimeout? eventTimeout = null;
        try
        {
            while (true)
            {
                bool hasEvent;
                ExecutionResult? failure = null;
                try
                {
                    hasEvent = await events.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception exception) when (!lifetime.IsCancellationRequested)
                {
                    hasEvent = false;
                    failure = SourceFailed(subscription, field, exception);
                }

                if (failure is not null)
                {
                    yield return failure;
                }

                if (!hasEvent)
                {
                    yield break;
                }

                var sourceEvent = events.Current;
                if (sharedKey is not null && SharedEventResults.Find(sourceEvent, sharedKey) is { } shared)
                {
                    yield return shared;
                    continue;
                }

                eventTimeout ??= request.Options.Timeout is null ? null : new RenewableTimeout(lifetime.Token);
                var result = await Executor.ExecuteOperationAsync(
                    request, subscription.Operation, subscription.Fragments, subscription.Variables, subscription.RootType, sourceEvent, lifetime.Token, eventTimeout).ConfigureAwait(false);
                yield return sharedKey is null ? result : SharedEventResults.Store(sourceEvent, sharedKey, result);
            }
        }
        finally
        {
            // Cancelled first, so a source blocked on its token lets go before it is disposed.
            await lifetime.CancelAsync().ConfigureAwait(false);
            eventTimeout?.Dispose();
            try
            {
                await events.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                await stop.DisposeAsync().ConfigureAwait(false);
                await subscription.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static ExecutionResult SourceFailed(Subscription subscription, CollectedField field, Exception exception)
    {
        var state = new ExecutionState(
            subscription.Request.Schema, subscription.Operation, subscription.Fragments, subscription.Variables, subscription.Request.Options, subscription.Services, subscription.Request.User, subscription.Lifetime.Token);
        var error = new OperationExecutor(state).ToGraphQLError(exception, field, ResponsePath.Root(field.ResponseName));
        return ExecutionResult.FromErrors([error]);
    }

    /// <summary>What a subscription holds from Subscribe to the end of its response stream.</summary>
    private sealed class Subscription(
        ExecutionRequest request,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        ObjectType rootType,
        CancellationTokenSource lifetime,
        bool ownsLifetime,
        LazyServiceScope? scope) : IAsyncDisposable
    {
        public ExecutionRequest Request { get; } = request;

        public OperationDefinitionNode Operation { get; } = operation;

        public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; } = fragments;

        public IReadOnlyDictionary<string, object?> Variables { get; } = variables;

        public ObjectType RootType { get; } = rootType;

        public CancellationTokenSource Lifetime { get; } = lifetime;

        /// <summary>The source stream's services: its own scope when the request has a scope factory.</summary>
        public IServiceProvider? Services => scope ?? Request.Services;

        public async ValueTask DisposeAsync()
        {
            if (ownsLifetime)
            {
                Lifetime.Dispose();
            }

            if (scope is not null)
            {
                await scope.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
