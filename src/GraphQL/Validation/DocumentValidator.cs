using Voting.GraphQL.Errors;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation;

/// <summary>
/// Validates an executable document against a schema (spec section 5, graphql-js's <c>validate</c>):
/// every rule runs in one walk of the document. Each error names the rule that found it in
/// <c>Extensions["rule"]</c> (the rule's class name, e.g. <c>NoUnusedVariablesRule</c>), so logs and
/// tests can tell rules apart; the response writer may drop that key if clients should not see it.
/// </summary>
public static class DocumentValidator
{
    /// <summary>The extensions key holding the name of the rule that reported an error.</summary>
    public const string RuleExtension = "rule";

    public const string TooManyErrorsMessage = "Too many validation errors, error limit reached. Validation aborted.";

    /// <summary>The last error when a rule gives up on a document that would cost it too much work (graphql-js 17).</summary>
    public const string AbortedMessage = "Validation aborted.";

    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        options ??= ValidationOptions.Default;
        options.Validate();

        var errors = new List<GraphQLError>();
        var typeInfo = new TypeInfo(schema);
        var context = new ValidationContext(schema, document, typeInfo, options.HideSuggestions, error =>
        {
            if (errors.Count >= options.MaxErrors)
            {
                throw new ValidationAbortedException(new GraphQLError(TooManyErrorsMessage));
            }

            errors.Add(error);
        });

        var factories = options.Rules ?? SpecifiedRules.All;
        var rules = new ValidationRule[factories.Count];
        for (var i = 0; i < rules.Length; i++)
        {
            rules[i] = factories[i](context);
        }

        try
        {
            new AstWalker(typeInfo, rules).Walk(document);
        }
        catch (ValidationAbortedException aborted)
        {
            // The errors so far and the one saying why validation stopped are the result.
            errors.Add(aborted.Error);
        }

        return errors;
    }
}
