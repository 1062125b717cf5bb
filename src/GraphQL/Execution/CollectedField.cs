using Voting.GraphQL.Errors;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Execution;

/// <summary>
/// One entry of a grouped field set (spec 6.3.2 CollectFields): a response name, the field nodes
/// merged under it and the field's definition on the parent type. It lives for one request and
/// remembers what is the same for every value it is executed on, so a list of a thousand items
/// coerces the field's arguments and collects its sub-fields once.
/// </summary>
internal sealed class CollectedField
{
    private readonly Lock _gate = new();
    private IReadOnlyList<SourceLocation>? _locations;
    private object? _arguments;
    private ObjectType? _subfieldsType;
    private IReadOnlyList<CollectedField>? _subfields;
    private Dictionary<ObjectType, IReadOnlyList<CollectedField>>? _moreSubfields;

    public CollectedField(string responseName, FieldDefinition definition, FieldNode node)
    {
        ResponseName = responseName;
        Definition = definition;
        Nodes = [node];
    }

    public string ResponseName { get; }

    public FieldDefinition Definition { get; }

    public List<FieldNode> Nodes { get; }

    public IReadOnlyList<SourceLocation> Locations =>
        _locations ??= [.. Nodes.Where(n => n.Location is not null).Select(n => n.Location!.Value.StartLocation)];

    /// <summary>The coerced arguments (spec 6.4.1), or the error coercing them gave; computed once per request.</summary>
    public object GetArguments(ExecutionState state)
    {
        if (_arguments is { } known)
        {
            return known;
        }

        object computed;
        try
        {
            computed = ArgumentCoercion.CoerceArgumentValues(Definition, Nodes[0], state.Variables);
        }
        catch (GraphQLException error)
        {
            computed = error;
        }

        return Interlocked.CompareExchange(ref _arguments, computed, null) ?? computed;
    }

    /// <summary>The sub-fields of this field's selection sets for one runtime object type (spec 6.4.3 CollectSubfields).</summary>
    public IReadOnlyList<CollectedField> GetSubfields(ExecutionState state, ObjectType type)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_subfieldsType, type))
            {
                return _subfields!;
            }

            if (_moreSubfields is not null && _moreSubfields.TryGetValue(type, out var cached))
            {
                return cached;
            }

            var collector = new FieldCollector(state);
            foreach (var node in Nodes)
            {
                if (node.SelectionSet is { } selectionSet)
                {
                    collector.Collect(type, selectionSet);
                }
            }

            var subfields = collector.Fields;
            if (_subfieldsType is null)
            {
                _subfieldsType = type;
                _subfields = subfields;
            }
            else
            {
                (_moreSubfields ??= [])[type] = subfields;
            }

            return subfields;
        }
    }
}
