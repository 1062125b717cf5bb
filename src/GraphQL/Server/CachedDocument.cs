using Voting.GraphQL.Errors;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Server;

/// <summary>
/// What the document cache keeps for one query text: its syntax tree or its syntax error, and, once the
/// first request got that far, its validation errors (empty when valid). Validation is deterministic for a
/// schema and rule set, so two requests racing to fill it store equal lists and either may win.
/// </summary>
internal sealed class CachedDocument
{
    private CachedDocument(DocumentNode? document, GraphQLError? syntaxError)
    {
        Document = document;
        SyntaxError = syntaxError;
    }

    public DocumentNode? Document { get; }

    public GraphQLError? SyntaxError { get; }

    public IReadOnlyList<GraphQLError>? ValidationErrors { get; set; }

    public static CachedDocument Parsed(DocumentNode document) => new(document, null);

    public static CachedDocument Failed(GraphQLError syntaxError) => new(null, syntaxError);
}
