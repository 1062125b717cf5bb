using System.Text;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Language;

namespace Voting.GraphQL.Tests.Language;

public sealed class LimitsTests
{
    private const int Deep = 100_000;

    [Fact]
    public void A_document_over_the_byte_limit_is_refused_before_parsing()
    {
        var options = new ParserOptions { MaxDocumentBytes = 10 };

        var fromString = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ abcdefgh }", options));
        var fromBytes = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ abcdefgh }"u8, options));
        var multiByte = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ a(s: \"ééé\") }"[..12], new ParserOptions { MaxDocumentBytes = 12 }));

        Assert.Equal("Syntax Error: Document contains more than 10 bytes. Parsing aborted.", fromString.Message);
        Assert.Equal(new SourceLocation(1, 11), fromString.Location);
        Assert.Equal(fromString.Message, fromBytes.Message);
        Assert.Equal("Syntax Error: Document contains more than 12 bytes. Parsing aborted.", multiByte.Message);
        Assert.NotNull(Parser.Parse("{ abcdef }", options));
    }

    [Fact]
    public void A_document_over_the_token_limit_is_refused_at_the_first_token_too_many()
    {
        var options = new ParserOptions { MaxTokens = 3 };

        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ a # comments are not tokens\n b c }", options));

        Assert.Equal("Syntax Error: Document contains more than 3 tokens. Parsing aborted.", error.Message);
        Assert.Equal(new SourceLocation(2, 4), error.Location);
        Assert.NotNull(Parser.Parse("{ a }", options));
    }

    [Fact]
    public void Nesting_past_the_depth_limit_is_refused()
    {
        var options = new ParserOptions { MaxDepth = 3 };

        Assert.NotNull(Parser.Parse("{ a { b { c } } }", options));
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ a { b { c { d } } } }", options));

        Assert.Equal("Syntax Error: Document nesting exceeds the maximum depth of 3. Parsing aborted.", error.Message);
        Assert.Equal(new SourceLocation(1, 13), error.Location);
    }

    public static TheoryData<string, string> DeepDocuments => new()
    {
        { "selection sets", Repeat("{a", Deep) + Repeat("}", Deep) },
        { "inline fragments", "{" + Repeat("...{", Deep) + Repeat("}", Deep + 1) },
        { "list values", "{ f(a: " + Repeat("[", Deep) + Repeat("]", Deep) + ") }" },
        { "object values", "{ f(a: " + Repeat("{a:", Deep) + "1" + Repeat("}", Deep) + ") }" },
        { "constant values", "query Q($v: Int = " + Repeat("[", Deep) + ") { a }" },
        { "list types of variables", "query Q($v: " + Repeat("[", Deep) + "Int" + Repeat("]", Deep) + ") { a }" },
        { "list types of fields", "type T { f: " + Repeat("[", Deep) + "Int" + Repeat("]!", Deep) + " }" },
        { "unclosed everything", Repeat("{a(b:[{c:", Deep) },
        { "non-null types", "type T { f: Int" + Repeat("!", Deep) + " }" },
    };

    [Theory]
    [MemberData(nameof(DeepDocuments))]
    public void Nesting_a_hundred_thousand_levels_deep_is_a_syntax_error_not_a_stack_overflow(string production, string source)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source, new ParserOptions { MaxTokens = int.MaxValue, MaxDocumentBytes = int.MaxValue }));

        Assert.StartsWith("Syntax Error: ", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(production));
    }

    [Theory]
    [MemberData(nameof(DeepDocuments))]
    public void Even_without_a_depth_limit_deep_nesting_ends_in_a_syntax_error(string production, string source)
    {
        // The stack guard stops the descent before the stack runs out, whatever the limits say.
        var unlimited = new ParserOptions { MaxTokens = int.MaxValue, MaxDocumentBytes = int.MaxValue, MaxDepth = int.MaxValue };
        var error = Record.Exception(() => Parser.Parse(source, unlimited));

        Assert.True(error is null or GraphQLSyntaxException, $"{production}: {error}");
    }

    [Fact]
    public void Parse_value_and_parse_type_are_depth_limited_too()
    {
        var value = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseValue(Repeat("[", Deep)));
        var type = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseType(Encoding.UTF8.GetBytes(Repeat("[", Deep) + "Int" + Repeat("]", Deep))));

        Assert.Equal("Syntax Error: Document nesting exceeds the maximum depth of 64. Parsing aborted.", value.Message);
        Assert.Equal(new SourceLocation(1, 65), value.Location);
        Assert.Equal(value.Message, type.Message);
    }

    [Fact]
    public void Limits_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Parser.Parse("{ a }", new ParserOptions { MaxDepth = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Parser.Parse("{ a }", new ParserOptions { MaxTokens = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Parser.Parse("{ a }", new ParserOptions { MaxDocumentBytes = 0 }));
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
