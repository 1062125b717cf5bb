using Voting.GraphQL.Errors;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Execution;

/// <summary>
/// One entry of a grouped field set (spec 6.3.2 CollectFields): a response name, the field nodes
/// merged under it and the field's definition on the parent type. It lives for one request (or for
/// every request of a cached plan) and remembers what is the same for every value it is executed on, so a list of a thousand items
/// coerces the field's arguments and collects its sub-fields once. A document whose field collection
/// does not depend on variables shares its collected fields across requests (see <see cref="OperationPlan"/>).
/// </summary>
internal sealed class CollectedField
{
    private IReadOnlyList<SourceLocation>? _locations;
    private object? _arguments;
    private bool? _argumentsAreConstant;

    // Copy-on-write, so the many requests that share a cached plan read it without a lock.
    private (ObjectType Type, IReadOnlyList<CollectedField> Fields)[] _subfields = [];

    public CollectedField(string responseName, FieldDefinition definition, FieldNode node)
    {
        ResponseName = responseName;
        Definition = definition;
        Nodes = [node];
        var named = definition.Type is NonNullType nonNull ? nonNull.OfType : definition.Type;
        PureResolver = definition.PureResolver
            ?? (definition.Resolver is null ? parent => DefaultFieldResolver.GetValue(parent, definition.Name) : null);
        IsPureLeaf = PureResolver is not null && definition.Arguments.Count == 0 && named is ScalarType or EnumType;
    }

    /// <summary>The field's resolver when it needs only the parent value: its own pure resolver, or the default one.</summary>
    public Func<object?, object?>? PureResolver { get; }

    /// <summary>A pure resolver and a scalar or enum type: the executor's allocation-free path.</summary>
    public bool IsPureLeaf { get; }

    public string ResponseName { get; }

    public FieldDefinition Definition { get; }

    public List<FieldNode> Nodes { get; }

    public IReadOnlyList<SourceLocation> Locations =>
        _locations ??= [.. Nodes.Where(n => n.Location is not null).Select(n => n.Location!.Value.StartLocation)];

    /// <summary>
    /// The coerced arguments (spec 6.4.1), or the error coercing them gave. Arguments written as
    /// literals are coerced once and kept (also across requests that share the plan); arguments that
    /// use variables are coerced for each call, since each request has its own values.
    /// </summary>
    public object GetArguments(ExecutionState state)
    {
        if (_arguments is { } known)
        {
            return known;
        }

        var computed = Coerce(state);
        _argumentsAreConstant ??= !Nodes[0].Arguments.Any(a => UsesVariables(a.Value));
        return _argumentsAreConstant.Value ? Interlocked.CompareExchange(ref _arguments, computed, null) ?? computed : computed;
    }

    /// <summary>The sub-fields of this field's selection sets for one runtime object type (spec 6.4.3 CollectSubfields).</summary>
    public IReadOnlyList<CollectedField> GetSubfields(ExecutionState state, ObjectType type)
    {
        var known = Volatile.Read(ref _subfields);
        foreach (var (knownType, fields) in known)
        {
            if (ReferenceEquals(knownType, type))
            {
                return fields;
            }
        }

        var collector = new FieldCollector(state);
        foreach (var node in Nodes)
        {
            if (node.SelectionSet is { } selectionSet)
            {
                collector.Collect(type, selectionSet);
            }
        }

        // Two threads may collect the same type at once; both results are equal, the last one stays.
        Volatile.Write(ref _subfields, [.. known, (type, collector.Fields)]);
        return collector.Fields;
    }

    private object Coerce(ExecutionState state)
    {
        try
        {
            return ArgumentCoercion.CoerceArgumentValues(Definition, Nodes[0], state.Variables);
        }
        catch (GraphQLException error)
        {
            return error;
        }
    }

    private static bool UsesVariables(ValueNode value) => value switch
    {
        VariableNode => true,
        ListValueNode list => list.Values.Any(UsesVariables),
        ObjectValueNode obj => obj.Fields.Any(f => UsesVariables(f.Value)),
        _ => false,
    };
}
