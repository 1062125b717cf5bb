using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Fragment Spread Type Existence and the type existence half of Variables Are Input Types (spec
/// 5.5.1.2, <see href="https://spec.graphql.org/September2025/#sec-Fragment-Spread-Type-Existence"/>):
/// "For each named spread namedSpread in the document: Let fragment be the target of namedSpread.
/// The target type of fragment must be defined in the schema." Every type a document names, in a
/// fragment condition or a variable's type, must exist. graphql-js also checks the types that type
/// system definitions in the document name, and counts the types those definitions define as known.
/// </summary>
public sealed class KnownTypeNamesRule(ValidationContext context) : ValidationRule(context)
{
    // Types the document itself defines count as known, as in graphql-js.
    private readonly HashSet<string> _documentTypes = new(StringComparer.Ordinal);

    // Inside a type system definition or extension the standard scalars and introspection types are
    // known even when the schema leaves them out, and are offered as suggestions.
    private Node? _typeSystemDefinition;

    public override void EnterDocument(DocumentNode node)
    {
        foreach (var definition in node.Definitions)
        {
            if (TypeDefinitionName(definition) is { } name)
            {
                _documentTypes.Add(name);
            }
        }
    }

    public override void EnterTypeSystemNode(Node node)
    {
        if (node is TypeSystemDefinitionNode or TypeSystemExtensionNode)
        {
            _typeSystemDefinition = node;
        }
    }

    public override void LeaveTypeSystemNode(Node node)
    {
        if (ReferenceEquals(node, _typeSystemDefinition))
        {
            _typeSystemDefinition = null;
        }
    }

    public override void EnterNamedType(NamedTypeNode node)
    {
        var typeName = node.Name.Value;
        if (Context.Schema.GetType(typeName) is not null || _documentTypes.Contains(typeName))
        {
            return;
        }

        var isSdl = _typeSystemDefinition is not null;
        if (isSdl && Suggestions.StandardTypeNames.Contains(typeName))
        {
            return;
        }

        IEnumerable<string> options = Context.Schema.Types.Keys.Concat(_documentTypes);
        if (isSdl)
        {
            options = Suggestions.StandardTypeNames.Concat(options);
        }

        var suggestions = Context.HideSuggestions ? [] : Suggestions.List(typeName, options);
        ReportError($"Unknown type \"{typeName}\"." + Suggestions.DidYouMean(suggestions), node);
    }

    private static string? TypeDefinitionName(DefinitionNode definition) => definition switch
    {
        ScalarTypeDefinitionNode n => n.Name.Value,
        ObjectTypeDefinitionNode n => n.Name.Value,
        InterfaceTypeDefinitionNode n => n.Name.Value,
        UnionTypeDefinitionNode n => n.Name.Value,
        EnumTypeDefinitionNode n => n.Name.Value,
        InputObjectTypeDefinitionNode n => n.Name.Value,
        _ => null,
    };
}
