using Voting.GraphQL.Language;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Required Arguments (spec 5.4.2.1,
/// <see href="https://spec.graphql.org/September2025/#sec-Required-Arguments"/>):
/// "For each Field or Directive in the document: Let arguments be the arguments provided by the Field
/// or Directive. Let argumentDefinitions be the set of argument definitions of that Field or Directive.
/// For each argumentDefinition in argumentDefinitions: Let type be the expected type of
/// argumentDefinition. Let defaultValue be the default value of argumentDefinition. If type is
/// Non-Null and defaultValue does not exist: Let argumentName be the name of argumentDefinition. Let
/// argument be the argument in arguments named argumentName. argument must exist."
/// (A null value given explicitly is <see cref="ValuesOfCorrectTypeRule"/>'s concern.) Arguments are
/// named by schema coordinate, <c>Type.field(arg:)</c> or <c>@directive(arg:)</c>, as graphql-js 17 names them.
/// </summary>
public sealed class ProvidedRequiredArgumentsRule(ValidationContext context) : ValidationRule(context)
{
    // Required arguments (non-null, no default) of the directives the document itself defines, with
    // their printed types; graphql-js checks against these instead of the schema's directive of the same name.
    private readonly Dictionary<string, List<(string Name, string Type)>> _documentDirectives = new(StringComparer.Ordinal);

    public override void EnterDocument(DocumentNode node)
    {
        foreach (var definition in node.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                _documentDirectives[directive.Name.Value] =
                [
                    .. directive.Arguments
                        .Where(a => a.Type is NonNullTypeNode && a.DefaultValue is null)
                        .Select(a => (a.Name.Value, Printer.Print(a.Type))),
                ];
            }
        }
    }

    public override void LeaveField(FieldNode node)
    {
        if (Context.FieldDefinition is not { } field)
        {
            return;
        }

        var definitions = field.Arguments;
        for (var i = 0; i < definitions.Count; i++)
        {
            var argument = definitions[i];
            if (IsMissing(argument, node.Arguments))
            {
                ReportError($"Argument \"{FieldCoordinate.Of(field)}({argument.Name}:)\" of type \"{argument.Type}\" is required, but it was not provided.", node);
            }
        }
    }

    public override void LeaveDirective(DirectiveNode node)
    {
        if (_documentDirectives.TryGetValue(node.Name.Value, out var required))
        {
            foreach (var (name, type) in required.Where(r => !node.Arguments.Any(a => a.Name.Value == r.Name)))
            {
                ReportError($"Argument \"@{node.Name.Value}({name}:)\" of type \"{type}\" is required, but it was not provided.", node);
            }

            return;
        }

        if (Context.Schema.GetDirective(node.Name.Value) is not { } directive)
        {
            return;
        }

        var definitions = directive.Arguments;
        for (var i = 0; i < definitions.Count; i++)
        {
            var argument = definitions[i];
            if (IsMissing(argument, node.Arguments))
            {
                ReportError($"Argument \"@{directive.Name}({argument.Name}:)\" of type \"{argument.Type}\" is required, but it was not provided.", node);
            }
        }
    }

    private static bool IsMissing(ArgumentDefinition definition, IReadOnlyList<ArgumentNode> given)
    {
        if (!definition.IsRequired)
        {
            return false;
        }

        for (var i = 0; i < given.Count; i++)
        {
            if (given[i].Name.Value == definition.Name)
            {
                return false;
            }
        }

        return true;
    }
}
