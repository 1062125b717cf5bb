using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Directives Are Defined and Directives Are In Valid Locations (spec 5.7.1 and 5.7.2,
/// <see href="https://spec.graphql.org/September2025/#sec-Directives-Are-Defined"/>,
/// <see href="https://spec.graphql.org/September2025/#sec-Directives-Are-In-Valid-Locations"/>):
/// "For every directive in a document: Let directiveName be the name of directive. Let
/// directiveDefinition be the directive named directiveName. directiveDefinition must exist." and
/// "If directive is within a document: Let directiveLocation be the location of directive.
/// directiveLocation must be one of the locations directiveDefinition allows." Directives are
/// checked where they stand, since the node holding them decides the location.
/// </summary>
public sealed class KnownDirectivesRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterOperationDefinition(OperationDefinitionNode node) =>
        Check(node.Directives, node.Operation switch
        {
            OperationType.Mutation => DirectiveLocation.MUTATION,
            OperationType.Subscription => DirectiveLocation.SUBSCRIPTION,
            _ => DirectiveLocation.QUERY,
        });

    public override void EnterVariableDefinition(VariableDefinitionNode node) => Check(node.Directives, DirectiveLocation.VARIABLE_DEFINITION);

    public override void EnterField(FieldNode node) => Check(node.Directives, DirectiveLocation.FIELD);

    public override void EnterFragmentSpread(FragmentSpreadNode node) => Check(node.Directives, DirectiveLocation.FRAGMENT_SPREAD);

    public override void EnterInlineFragment(InlineFragmentNode node) => Check(node.Directives, DirectiveLocation.INLINE_FRAGMENT);

    public override void EnterFragmentDefinition(FragmentDefinitionNode node) => Check(node.Directives, DirectiveLocation.FRAGMENT_DEFINITION);

    private void Check(IReadOnlyList<DirectiveNode> directives, DirectiveLocation location)
    {
        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (Context.Schema.GetDirective(name) is not { } definition)
            {
                ReportError($"Unknown directive \"@{name}\".", directive);
            }
            else if (!definition.Locations.Contains(location))
            {
                ReportError($"Directive \"@{name}\" may not be used on {location}.", directive);
            }
        }
    }
}
