using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Argument Names (spec 5.4.1,
/// <see href="https://spec.graphql.org/September2025/#sec-Argument-Names"/>):
/// "For each argument in the document: Let argumentName be the Name of argument. Let
/// argumentDefinition be the argument definition provided by the parent field or definition named
/// argumentName. argumentDefinition must exist." Arguments of unknown fields or directives are left
/// to the rules that report those.
/// </summary>
public sealed class KnownArgumentNamesRule(ValidationContext context) : ValidationRule(context)
{
    private bool _inDirective;

    // Argument names of the directives the document itself defines; graphql-js checks against these
    // instead of the schema's directive of the same name.
    private readonly Dictionary<string, IReadOnlyList<string>> _documentDirectives = new(StringComparer.Ordinal);

    public override void EnterDocument(DocumentNode node)
    {
        foreach (var definition in node.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                _documentDirectives[directive.Name.Value] = [.. directive.Arguments.Select(a => a.Name.Value)];
            }
        }
    }

    public override void EnterArgument(ArgumentNode node)
    {
        // Directive arguments are checked per directive below: an argument inside a directive, known
        // or not, is never the field's.
        if (_inDirective || Context.Argument is not null)
        {
            return;
        }

        if (Context.FieldDefinition is { } field)
        {
            var name = node.Name.Value;
            var suggestions = Context.HideSuggestions ? [] : Suggestions.List(name, field.Arguments.Select(a => a.Name));
            ReportError($"Unknown argument \"{name}\" on field \"{FieldCoordinate.Of(field)}\"." + Suggestions.DidYouMean(suggestions), node);
        }
    }

    public override void LeaveDirective(DirectiveNode node) => _inDirective = false;

    public override void EnterDirective(DirectiveNode node)
    {
        _inDirective = true;
        var directiveName = node.Name.Value;
        if (_documentDirectives.TryGetValue(directiveName, out var documentArguments))
        {
            foreach (var argument in node.Arguments)
            {
                if (!documentArguments.Contains(argument.Name.Value))
                {
                    ReportUnknown(argument, directiveName, documentArguments);
                }
            }
        }
        else if (Context.Schema.GetDirective(directiveName) is { } directive)
        {
            foreach (var argument in node.Arguments)
            {
                if (directive.GetArgument(argument.Name.Value) is null)
                {
                    ReportUnknown(argument, directiveName, directive.Arguments.Select(a => a.Name));
                }
            }
        }
    }

    private void ReportUnknown(ArgumentNode argument, string directiveName, IEnumerable<string> known)
    {
        var name = argument.Name.Value;
        var suggestions = Context.HideSuggestions ? [] : Suggestions.List(name, known);
        ReportError($"Unknown argument \"{name}\" on directive \"@{directiveName}\"." + Suggestions.DidYouMean(suggestions), argument);
    }
}
