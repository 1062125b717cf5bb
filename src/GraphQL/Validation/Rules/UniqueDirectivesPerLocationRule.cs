using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Directives Are Unique Per Location (spec 5.7.3,
/// <see href="https://spec.graphql.org/September2025/#sec-Directives-Are-Unique-Per-Location"/>):
/// "For every location in the document for which Directives can apply: Let directives be the set of
/// Directives which apply to location and are not repeatable. For each directive in directives: Let
/// directiveName be the name of directive. Let namedDirectives be the set of all Directives named
/// directiveName in directives. namedDirectives must be a set of one." Unknown directives are left
/// to <see cref="KnownDirectivesRule"/>. As in graphql-js, a type and its extensions (and the schema
/// and its extensions) are one location.
/// </summary>
public sealed class UniqueDirectivesPerLocationRule(ValidationContext context) : ValidationRule(context)
{
    // Whether each directive the document defines is unique (not repeatable); these win over the schema's.
    private readonly Dictionary<string, bool> _documentDirectives = new(StringComparer.Ordinal);

    // graphql-js counts the schema definition with its extensions, and a type with its extensions, as one location.
    private readonly Dictionary<string, DirectiveNode> _schemaDirectives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, DirectiveNode>> _typeDirectives = new(StringComparer.Ordinal);

    public override void EnterDocument(DocumentNode node)
    {
        foreach (var definition in node.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                _documentDirectives[directive.Name.Value] = !directive.Repeatable;
            }
        }
    }

    public override void EnterOperationDefinition(OperationDefinitionNode node) => Check(node.Directives, null);

    public override void EnterVariableDefinition(VariableDefinitionNode node) => Check(node.Directives, null);

    public override void EnterField(FieldNode node) => Check(node.Directives, null);

    public override void EnterFragmentSpread(FragmentSpreadNode node) => Check(node.Directives, null);

    public override void EnterInlineFragment(InlineFragmentNode node) => Check(node.Directives, null);

    public override void EnterFragmentDefinition(FragmentDefinitionNode node) => Check(node.Directives, null);

    public override void EnterTypeSystemNode(Node node)
    {
        switch (node)
        {
            case SchemaDefinitionNode n: Check(n.Directives, _schemaDirectives); break;
            case SchemaExtensionNode n: Check(n.Directives, _schemaDirectives); break;
            case ScalarTypeDefinitionNode n: Check(n.Directives, TypeDirectives(n.Name)); break;
            case ScalarTypeExtensionNode n: Check(n.Directives, TypeDirectives(n.Name)); break;
            case ObjectTypeDefinitionNode n: Check(n.Directives, TypeDirectives(n.Name)); break;
            case ObjectTypeExtensionNode n: Check(n.Directives, TypeDirectives(n.Name)); break;
            case InterfaceTypeDefinitionNode n: Check(n.Directives, TypeDirectives(n.Name)); break;
            case InterfaceTypeExtensionNode n: Check(n.Directives, TypeDirectives(n.Name)); break;
            case UnionTypeDefinitionNode n: Check(n.Directives, TypeDirectives(n.Name)); break;
            case UnionTypeExtensionNode n: Check(n.Directives, TypeDirectives(n.Name)); break;
            case EnumTypeDefinitionNode n: Check(n.Directives, TypeDirectives(n.Name)); break;
            case EnumTypeExtensionNode n: Check(n.Directives, TypeDirectives(n.Name)); break;
            case InputObjectTypeDefinitionNode n: Check(n.Directives, TypeDirectives(n.Name)); break;
            case InputObjectTypeExtensionNode n: Check(n.Directives, TypeDirectives(n.Name)); break;
            case FieldDefinitionNode n: Check(n.Directives, null); break;
            case InputValueDefinitionNode n: Check(n.Directives, null); break;
            case EnumValueDefinitionNode n: Check(n.Directives, null); break;
        }
    }

    private Dictionary<string, DirectiveNode> TypeDirectives(NameNode typeName)
    {
        if (!_typeDirectives.TryGetValue(typeName.Value, out var seen))
        {
            seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
            _typeDirectives[typeName.Value] = seen;
        }

        return seen;
    }

    private bool IsUnique(string name) => _documentDirectives.TryGetValue(name, out var unique)
        ? unique
        : Context.Schema.GetDirective(name) is { IsRepeatable: false };

    // seen is null for a location of its own, created only when a unique directive turns up.
    private void Check(IReadOnlyList<DirectiveNode> directives, Dictionary<string, DirectiveNode>? seen)
    {
        // A location of its own with at most one directive cannot repeat one (most locations).
        if (seen is null && directives.Count < 2)
        {
            return;
        }

        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (!IsUnique(name))
            {
                continue;
            }

            seen ??= new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
            if (seen.TryGetValue(name, out var first))
            {
                ReportError($"The directive \"@{name}\" can only be used once at this location.", first, directive);
            }
            else
            {
                seen[name] = directive;
            }
        }
    }
}
