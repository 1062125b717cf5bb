using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Executable Definitions (spec 5.1.1,
/// <see href="https://spec.graphql.org/September2025/#sec-Executable-Definitions"/>):
/// "For each definition definition in the document: definition must be ExecutableDefinition (it
/// must not be TypeSystemDefinitionOrExtension)."
/// </summary>
public sealed class ExecutableDefinitionsRule(ValidationContext context) : ValidationRule(context)
{
    // All at once on entering the document, as graphql-js does: these errors come before any other
    // rule's errors about the insides of the same definitions.
    public override void EnterDocument(DocumentNode node)
    {
        foreach (var definition in node.Definitions)
        {
            if (definition is ExecutableDefinitionNode)
            {
                continue;
            }

            var name = definition switch
            {
                SchemaDefinitionNode or SchemaExtensionNode => "schema",
                _ => "\"" + DefinitionName(definition) + "\"",
            };
            ReportError($"The {name} definition is not executable.", definition);
        }

        SkipSubtree();
    }

    private static string DefinitionName(DefinitionNode node) => node switch
    {
        ScalarTypeDefinitionNode n => n.Name.Value,
        ObjectTypeDefinitionNode n => n.Name.Value,
        InterfaceTypeDefinitionNode n => n.Name.Value,
        UnionTypeDefinitionNode n => n.Name.Value,
        EnumTypeDefinitionNode n => n.Name.Value,
        InputObjectTypeDefinitionNode n => n.Name.Value,
        DirectiveDefinitionNode n => n.Name.Value,
        ScalarTypeExtensionNode n => n.Name.Value,
        ObjectTypeExtensionNode n => n.Name.Value,
        InterfaceTypeExtensionNode n => n.Name.Value,
        UnionTypeExtensionNode n => n.Name.Value,
        EnumTypeExtensionNode n => n.Name.Value,
        InputObjectTypeExtensionNode n => n.Name.Value,
        _ => node.Kind.ToString(),
    };
}
