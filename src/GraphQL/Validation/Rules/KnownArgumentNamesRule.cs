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
        if (Context.Schema.GetDirective(node.Name.Value) is not { } directive)
        {
            return;
        }

        foreach (var argument in node.Arguments)
        {
            var name = argument.Name.Value;
            if (directive.GetArgument(name) is null)
            {
                var suggestions = Context.HideSuggestions ? [] : Suggestions.List(name, directive.Arguments.Select(a => a.Name));
                ReportError($"Unknown argument \"{name}\" on directive \"@{directive.Name}\"." + Suggestions.DidYouMean(suggestions), argument);
            }
        }
    }
}
