using System.Security.Claims;
using Voting.GraphQL.Fetching;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Execution;

/// <summary>What one resolver call sees (graphql-js's resolve arguments and info in one object).</summary>
internal sealed class ResolverContext : IResolverContext
{
    private readonly IReadOnlyDictionary<string, object?> _arguments;

    public ResolverContext(
        ExecutionState state,
        ObjectType parentType,
        CollectedField collectedField,
        object? parent,
        ResponsePath path,
        IReadOnlyDictionary<string, object?> arguments,
        IServiceProvider? services)
    {
        State = state;
        ParentType = parentType;
        Field = collectedField;
        Parent = parent;
        ResponsePath = path;
        _arguments = arguments;
        RequestServices = services;
    }

    public object? Parent { get; }

    public Schema Schema => State.Schema;

    public FieldDefinition FieldDefinition => Field.Definition;

    public ObjectType ParentType { get; }

    public CancellationToken CancellationToken => State.CancellationToken;

    public IServiceProvider? RequestServices { get; }

    public ClaimsPrincipal? User => State.User;

    public DataLoaderScope DataLoaders => State.DataLoaders;

    public IReadOnlyList<FieldNode> FieldNodes => Field.Nodes;

    public OperationDefinitionNode Operation => State.Operation;

    public IReadOnlyDictionary<string, object?> Variables => State.Variables;

    internal CollectedField Field { get; }

    internal ResponsePath ResponsePath { get; }

    internal ExecutionState State { get; }

    public bool TryGetArgument(string name, out object? value) => _arguments.TryGetValue(name, out value);
}
