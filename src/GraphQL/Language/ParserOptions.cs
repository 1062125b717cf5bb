namespace Voting.GraphQL.Language;

/// <summary>
/// Limits that protect the server from hostile documents: each is checked while parsing, so a document
/// that exceeds one costs no more than the work done up to the limit.
/// </summary>
/// <remarks>
/// The defaults suit requests from clients. An operation rarely exceeds a few thousand tokens or ten
/// levels of nesting; the introspection query, one of the largest in common use, has about 300 tokens and
/// 13 levels. Trusted input such as a large schema may need higher limits.
/// </remarks>
public sealed class ParserOptions
{
    public static ParserOptions Default { get; } = new();

    /// <summary>Largest document accepted, in UTF-8 bytes (1 MiB by default).</summary>
    public int MaxDocumentBytes { get; init; } = 1024 * 1024;

    /// <summary>Most lexical tokens accepted, not counting ignored tokens such as comments (10,000 by default).</summary>
    public int MaxTokens { get; init; } = 10_000;

    /// <summary>
    /// Deepest nesting of recursive productions accepted: selection sets, list and object values, list types
    /// (64 by default). It is what keeps the recursive descent parser off the end of the stack.
    /// </summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Leave <see cref="Ast.Node.Location"/> null, as graphql-js's <c>noLocation</c> does.</summary>
    public bool NoLocation { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxDocumentBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxTokens);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxDepth);
    }
}
