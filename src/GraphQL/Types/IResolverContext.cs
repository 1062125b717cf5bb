using System.Security.Claims;
using Voting.GraphQL.Fetching;

namespace Voting.GraphQL.Types;

/// <summary>What a resolver sees: the parent value, the field, its coerced arguments and the request.</summary>
public interface IResolverContext
{
    /// <summary>The value of the parent field (the root value for root fields, the event for subscriptions).</summary>
    object? Parent { get; }

    Schema Schema { get; }

    FieldDefinition FieldDefinition { get; }

    /// <summary>The object type whose field is being resolved (spec ExecuteField's objectType).</summary>
    ObjectType ParentType { get; }

    CancellationToken CancellationToken { get; }

    /// <summary>The request's scoped services; null when execution runs without a container.</summary>
    IServiceProvider? RequestServices { get; }

    /// <summary>Who sends the request (the execution request's user); null is anonymous.</summary>
    ClaimsPrincipal? User { get; }

    /// <summary>
    /// The request's DataLoaders: one instance of each loader type per request, all dispatched by
    /// the executor when it has nothing else to run (see <see cref="BatchScheduler"/>).
    /// </summary>
    DataLoaderScope DataLoaders { get; }

    /// <summary>
    /// The coerced value of an argument (spec 6.4.1 CoerceArgumentValues): CLR values of scalars and
    /// enums, <see cref="IReadOnlyDictionary{TKey, TValue}"/> for input objects (or their runtime
    /// object when the type has one), <see cref="IReadOnlyList{T}"/> for lists. False when the argument
    /// was neither given nor has a default, which is not the same as an explicit null.
    /// </summary>
    bool TryGetArgument(string name, out object? value);
}
