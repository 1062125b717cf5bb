using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Execution;

/// <summary>
/// Spec 6.3.2 CollectFields: groups the selections that apply to an object type by response name,
/// in order, following fragment spreads once each and honouring <c>@skip</c> and <c>@include</c>.
/// </summary>
internal sealed class FieldCollector(ExecutionState state)
{
    // Linear search is faster than hashing for the small selection sets most queries have.
    private const int IndexThreshold = 16;

    private readonly List<CollectedField> _fields = [];
    private Dictionary<string, CollectedField>? _index;
    private HashSet<string>? _visitedFragments;

    public IReadOnlyList<CollectedField> Fields => _fields;

    public void Collect(ObjectType objectType, SelectionSetNode selectionSet)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    if (ShouldInclude(field.Directives))
                    {
                        AddField(objectType, field);
                    }

                    break;
                case FragmentSpreadNode spread:
                    var name = spread.Name.Value;
                    if (!ShouldInclude(spread.Directives) || !(_visitedFragments ??= new(StringComparer.Ordinal)).Add(name))
                    {
                        continue;
                    }

                    if (state.Fragments.TryGetValue(name, out var fragment) && DoesFragmentTypeApply(objectType, fragment.TypeCondition))
                    {
                        Collect(objectType, fragment.SelectionSet);
                    }

                    break;
                case InlineFragmentNode inline:
                    if (ShouldInclude(inline.Directives) && (inline.TypeCondition is null || DoesFragmentTypeApply(objectType, inline.TypeCondition)))
                    {
                        Collect(objectType, inline.SelectionSet);
                    }

                    break;
            }
        }
    }

    private void AddField(ObjectType objectType, FieldNode node)
    {
        var responseName = node.Alias?.Value ?? node.Name.Value;
        if (Find(responseName) is { } existing)
        {
            existing.Nodes.Add(node);
            return;
        }

        // A field the type does not have is left out of the response (graphql-js's executeField
        // returns undefined); validation keeps such documents away in the first place.
        if (state.Schema.GetFieldDefinition(objectType, node.Name.Value) is not { } definition)
        {
            return;
        }

        var field = new CollectedField(responseName, definition, node);
        _fields.Add(field);
        if (_index is not null)
        {
            _index[responseName] = field;
        }
        else if (_fields.Count > IndexThreshold)
        {
            _index = _fields.ToDictionary(f => f.ResponseName, StringComparer.Ordinal);
        }
    }

    private CollectedField? Find(string responseName)
    {
        if (_index is not null)
        {
            return _index.GetValueOrDefault(responseName);
        }

        foreach (var field in _fields)
        {
            if (field.ResponseName == responseName)
            {
                return field;
            }
        }

        return null;
    }

    // Spec 6.3.2 DoesFragmentTypeApply.
    private bool DoesFragmentTypeApply(ObjectType objectType, NamedTypeNode typeCondition)
    {
        var conditionType = state.Schema.GetType(typeCondition.Name.Value);
        return conditionType switch
        {
            ObjectType => ReferenceEquals(conditionType, objectType),
            InterfaceType or UnionType => state.Schema.IsSubType(conditionType, objectType),
            _ => false,
        };
    }

    // @skip(if: true) leaves a selection out, @include(if: false) too; skip wins over include.
    private bool ShouldInclude(IReadOnlyList<DirectiveNode> directives)
    {
        if (directives.Count == 0)
        {
            return true;
        }

        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if ((name == "skip" && IsIfTrue(directive)) || (name == "include" && !IsIfTrue(directive)))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsIfTrue(DirectiveNode directive)
    {
        var definition = directive.Name.Value == "skip" ? Directives.Skip : Directives.Include;
        var values = ArgumentCoercion.CoerceDirectiveArguments(definition, directive, state.Variables);
        return values.TryGetValue("if", out var value) && value is true;
    }
}
