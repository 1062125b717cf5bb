using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Language;

/// <summary>
/// Parses GraphQL documents, executable and type system alike (spec sections 2 and 3), into the AST.
/// Every failure is a <see cref="GraphQLSyntaxException"/> with graphql-js's message and location.
/// </summary>
public static class Parser
{
    public static DocumentNode Parse(string source, ParserOptions? options = null)
    {
        options = Checked(options);
        return Parse(Encode(source, options), options);
    }

    public static DocumentNode Parse(ReadOnlySpan<byte> utf8, ParserOptions? options = null)
    {
        var parser = new DocumentParser(utf8, Checked(options));
        try
        {
            return parser.ParseDocument();
        }
        finally
        {
            parser.Release();
        }
    }

    /// <summary>A source holding one value, variables allowed (graphql-js's parseValue).</summary>
    public static ValueNode ParseValue(string source, ParserOptions? options = null)
    {
        options = Checked(options);
        return ParseValue(Encode(source, options), options);
    }

    public static ValueNode ParseValue(ReadOnlySpan<byte> utf8, ParserOptions? options = null)
    {
        var parser = new DocumentParser(utf8, Checked(options));
        try
        {
            return parser.ParseWholeValue();
        }
        finally
        {
            parser.Release();
        }
    }

    /// <summary>A source holding one type reference such as <c>[String!]!</c> (graphql-js's parseType).</summary>
    public static TypeNode ParseType(string source, ParserOptions? options = null)
    {
        options = Checked(options);
        return ParseType(Encode(source, options), options);
    }

    public static TypeNode ParseType(ReadOnlySpan<byte> utf8, ParserOptions? options = null)
    {
        var parser = new DocumentParser(utf8, Checked(options));
        try
        {
            return parser.ParseWholeType();
        }
        finally
        {
            parser.Release();
        }
    }

    private static ParserOptions Checked(ParserOptions? options)
    {
        options ??= ParserOptions.Default;
        options.Validate();
        return options;
    }

    /// <summary>
    /// Every character takes at least one byte, so a string longer than the byte limit is refused before
    /// it is encoded: a huge request costs no copy.
    /// </summary>
    private static byte[] Encode(string source, ParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Length > options.MaxDocumentBytes)
        {
            var prefix = SourceText.ToUtf8(source[..options.MaxDocumentBytes]);
            throw GraphQLSyntaxException.At(prefix, options.MaxDocumentBytes, $"Document contains more than {options.MaxDocumentBytes} bytes. Parsing aborted.");
        }

        return SourceText.ToUtf8(source);
    }
}
