using System.Security.Claims;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Execution;

/// <summary>What <see cref="Executor.ExecuteAsync"/> runs: spec 6.1 ExecuteRequest's inputs.</summary>
public sealed class ExecutionRequest
{
    public required Schema Schema { get; init; }

    /// <summary>A parsed document that has passed validation (spec 5) against <see cref="Schema"/>.</summary>
    public required DocumentNode Document { get; init; }

    public string? OperationName { get; init; }

    /// <summary>
    /// The raw variable values, shaped as JSON: null, bool, string, numbers, lists
    /// (<see cref="IReadOnlyList{T}"/>) and objects (<see cref="IReadOnlyDictionary{TKey, TValue}"/>); see <see cref="JsonValues"/>.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? VariableValues { get; init; }

    /// <summary>The parent value of the root fields.</summary>
    public object? RootValue { get; init; }

    /// <summary>
    /// The request's services. Each root field of a query runs in a scope of its own created from
    /// them, so parallel resolvers never share a scoped service such as a DbContext; a mutation's
    /// fields run one after another and share these.
    /// </summary>
    public IServiceProvider? Services { get; init; }

    /// <summary>
    /// Who sends the request; null is anonymous. Resolvers see it as <see cref="IResolverContext.User"/>
    /// (authorization checks read it there). For a subscription it is the subscriber, for the source
    /// stream and for every event's execution alike. The server transports set it from
    /// <c>HttpContext.User</c>, so ASP.NET Core's authentication decides who it is.
    /// </summary>
    public ClaimsPrincipal? User { get; init; }

    public ExecutionOptions Options { get; init; } = ExecutionOptions.Default;
}
