using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Directives Are Defined and Directives Are In Valid Locations (spec 5.7.1 and 5.7.2,
/// <see href="https://spec.graphql.org/September2025/#sec-Directives-Are-Defined"/>,
/// <see href="https://spec.graphql.org/September2025/#sec-Directives-Are-In-Valid-Locations"/>):
/// "For every directive in a document: Let directiveName be the name of directive. Let
/// directiveDefinition be the directive named directiveName. directiveDefinition must exist." and
/// "For every directive in a document: ... Let locations be the valid locations for
/// directiveDefinition. Let location be the location of directive. location must be in locations."
/// </summary>
public sealed class KnownDirectivesRule(ValidationContext context) : ValidationRule(context)
{
    // The location of the innermost node that can hold directives: a directive belongs to it.
    private readonly Stack<DirectiveLocation> _locations = new();

    // Directives the document itself defines, by name, with their location names: graphql-js lets
    // them stand in for (or beside) the schema's directives.
    private readonly Dictionary<string, HashSet<string>> _documentDirectives = new(StringComparer.Ordinal);

    // The type system definition or extension being walked, to tell input fields from arguments.
    private Node? _typeSystemDefinition;

    public override void EnterDocument(DocumentNode node)
    {
        foreach (var definition in node.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                _documentDirectives[directive.Name.Value] = [.. directive.Locations.Select(l => l.Value)];
            }
        }
    }

    public override void EnterTypeSystemNode(Node node)
    {
        if (node is TypeSystemDefinitionNode or TypeSystemExtensionNode)
        {
            _typeSystemDefinition = node;
        }

        if (LocationOf(node) is { } location)
        {
            _locations.Push(location);
        }
    }

    public override void LeaveTypeSystemNode(Node node)
    {
        if (LocationOf(node) is not null)
        {
            _locations.Pop();
        }

        if (ReferenceEquals(node, _typeSystemDefinition))
        {
            _typeSystemDefinition = null;
        }
    }

    public override void EnterOperationDefinition(OperationDefinitionNode node) =>
        _locations.Push(node.Operation switch
        {
            OperationType.Mutation => DirectiveLocation.MUTATION,
            OperationType.Subscription => DirectiveLocation.SUBSCRIPTION,
            _ => DirectiveLocation.QUERY,
        });

    public override void LeaveOperationDefinition(OperationDefinitionNode node) => _locations.Pop();

    public override void EnterVariableDefinition(VariableDefinitionNode node) => _locations.Push(DirectiveLocation.VARIABLE_DEFINITION);

    public override void LeaveVariableDefinition(VariableDefinitionNode node) => _locations.Pop();

    public override void EnterField(FieldNode node) => _locations.Push(DirectiveLocation.FIELD);

    public override void LeaveField(FieldNode node) => _locations.Pop();

    public override void EnterFragmentSpread(FragmentSpreadNode node) => _locations.Push(DirectiveLocation.FRAGMENT_SPREAD);

    public override void LeaveFragmentSpread(FragmentSpreadNode node) => _locations.Pop();

    public override void EnterInlineFragment(InlineFragmentNode node) => _locations.Push(DirectiveLocation.INLINE_FRAGMENT);

    public override void LeaveInlineFragment(InlineFragmentNode node) => _locations.Pop();

    public override void EnterFragmentDefinition(FragmentDefinitionNode node) => _locations.Push(DirectiveLocation.FRAGMENT_DEFINITION);

    public override void LeaveFragmentDefinition(FragmentDefinitionNode node) => _locations.Pop();

    public override void EnterDirective(DirectiveNode node)
    {
        var name = node.Name.Value;
        if (_documentDirectives.TryGetValue(name, out var documentLocations))
        {
            if (_locations.TryPeek(out var location) && !documentLocations.Contains(location.ToString()))
            {
                ReportError($"Directive \"@{name}\" may not be used on {location}.", node);
            }
        }
        else if (Context.Schema.GetDirective(name) is not { } definition)
        {
            ReportError($"Unknown directive \"@{name}\".", node);
        }
        else if (_locations.TryPeek(out var location) && !definition.Locations.Contains(location))
        {
            ReportError($"Directive \"@{name}\" may not be used on {location}.", node);
        }
    }

    // graphql-js's getDirectiveLocationForASTPath for the type system: null for the nodes that hold no directives.
    private DirectiveLocation? LocationOf(Node node) => node switch
    {
        SchemaDefinitionNode or SchemaExtensionNode => DirectiveLocation.SCHEMA,
        ScalarTypeDefinitionNode or ScalarTypeExtensionNode => DirectiveLocation.SCALAR,
        ObjectTypeDefinitionNode or ObjectTypeExtensionNode => DirectiveLocation.OBJECT,
        FieldDefinitionNode => DirectiveLocation.FIELD_DEFINITION,
        InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => DirectiveLocation.INTERFACE,
        UnionTypeDefinitionNode or UnionTypeExtensionNode => DirectiveLocation.UNION,
        EnumTypeDefinitionNode or EnumTypeExtensionNode => DirectiveLocation.ENUM,
        EnumValueDefinitionNode => DirectiveLocation.ENUM_VALUE,
        InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode => DirectiveLocation.INPUT_OBJECT,
        InputValueDefinitionNode => _typeSystemDefinition is InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode
            ? DirectiveLocation.INPUT_FIELD_DEFINITION
            : DirectiveLocation.ARGUMENT_DEFINITION,
        _ => null,
    };
}
