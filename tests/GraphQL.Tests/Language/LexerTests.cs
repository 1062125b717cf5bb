using System.Text;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Language;

namespace Voting.GraphQL.Tests.Language;

public sealed class LexerTests
{
    private sealed record Token(TokenKind Kind, string? Value, int Line, int Column);

    private static List<Token> Lex(string source) => Lex(Encoding.UTF8.GetBytes(source));

    private static List<Token> Lex(byte[] source)
    {
        var tokens = new List<Token>();
        var lexer = new Lexer(source);
        do
        {
            lexer.Advance();
            tokens.Add(new Token(lexer.Kind, lexer.Value, lexer.Line, lexer.Column));
        }
        while (lexer.Kind != TokenKind.EndOfFile);
        return tokens;
    }

    private static Token Single(string source)
    {
        var tokens = Lex(source);
        Assert.Equal(2, tokens.Count);
        return tokens[0];
    }

    [Fact]
    public void Every_punctuator_is_a_token_of_its_own()
    {
        var kinds = Lex("! $ & ( ) ... : = @ [ ] { | }").Select(t => t.Kind);

        Assert.Equal(
            [TokenKind.Bang, TokenKind.Dollar, TokenKind.Amp, TokenKind.ParenL, TokenKind.ParenR, TokenKind.Spread, TokenKind.Colon, TokenKind.Equals,
             TokenKind.At, TokenKind.BracketL, TokenKind.BracketR, TokenKind.BraceL, TokenKind.Pipe, TokenKind.BraceR, TokenKind.EndOfFile],
            kinds);
    }

    [Theory]
    [InlineData("name", "Name", "name")]
    [InlineData("_under_score9", "Name", "_under_score9")]
    [InlineData("0", "Int", "0")]
    [InlineData("-0", "Int", "-0")]
    [InlineData("123", "Int", "123")]
    [InlineData("-45", "Int", "-45")]
    [InlineData("1.5", "Float", "1.5")]
    [InlineData("-0.5", "Float", "-0.5")]
    [InlineData("1e10", "Float", "1e10")]
    [InlineData("6.0221E+23", "Float", "6.0221E+23")]
    [InlineData("1e-3", "Float", "1e-3")]
    [InlineData("\"simple\"", "String", "simple")]
    [InlineData("\"\"", "String", "")]
    [InlineData("\" white space \"", "String", " white space ")]
    [InlineData("\"quote \\\" esc \\\\ \\/ \\b \\f \\n \\r \\t\"", "String", "quote \" esc \\ / \b \f \n \r \t")]
    [InlineData("\"\\u0041\\u00e9\\u20AC\"", "String", "Aé€")]
    [InlineData("\"\\u{1F600}\\u{41}\\u{00000041}\"", "String", "😀AA")]
    [InlineData("\"\\uD83D\\uDE00\"", "String", "😀")]
    [InlineData("\"raw é 😀 and \u0001\"", "String", "raw é 😀 and \u0001")]
    [InlineData("\"\"\"block\"\"\"", "BlockString", "block")]
    [InlineData("\"\"\"\"\"\"", "BlockString", "")]
    [InlineData("\"\"\"escaped \\\"\"\" and \\n\"\"\"", "BlockString", "escaped \"\"\" and \\n")]
    [InlineData("\"\"\"\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  \"\"\"", "BlockString", "Hello,\n  World!\n\nYours,\n  GraphQL.")]
    [InlineData("\"\"\"  first line keeps its indent\n    second\n  \"\"\"", "BlockString", "  first line keeps its indent\nsecond")]
    [InlineData("\"\"\"\r\n  crlf\r\n  lines\r  and cr\r\n\"\"\"", "BlockString", "crlf\nlines\nand cr")]
    [InlineData("\"\"\"\n\t  \n  \t\n\"\"\"", "BlockString", "")]
    [InlineData("\"\"\"\n  a\n short\n\"\"\"", "BlockString", " a\nshort")]
    public void Each_token_kind_reads_its_value(string source, string kind, string value)
    {
        var token = Single(source);

        Assert.Equal(kind, token.Kind.ToString());
        Assert.Equal(value, token.Value);
    }

    [Fact]
    public void Ignored_tokens_are_skipped_and_lines_counted_for_every_line_terminator()
    {
        var tokens = Lex("\uFEFF a,,b # comment {\n c\r\nd\re \uFEFF f");

        Assert.Equal(
            [new Token(TokenKind.Name, "a", 1, 3), new Token(TokenKind.Name, "b", 1, 6), new Token(TokenKind.Name, "c", 2, 2),
             new Token(TokenKind.Name, "d", 3, 1), new Token(TokenKind.Name, "e", 4, 1), new Token(TokenKind.Name, "f", 4, 5),
             new Token(TokenKind.EndOfFile, null, 4, 6)],
            tokens);
    }

    [Fact]
    public void Columns_count_utf16_code_units_as_graphql_js_does()
    {
        var tokens = Lex("\"é😀\" x");

        Assert.Equal(new Token(TokenKind.Name, "x", 1, 7), tokens[1]);
    }

    [Fact]
    public void A_block_string_moves_the_line_count_past_its_lines()
    {
        var tokens = Lex("\"\"\"a\n b\n c\"\"\" next\n last");

        Assert.Equal(new Token(TokenKind.BlockString, "a\nb\nc", 1, 1), tokens[0]);
        Assert.Equal(new Token(TokenKind.Name, "next", 3, 7), tokens[1]);
        Assert.Equal(new Token(TokenKind.Name, "last", 4, 2), tokens[2]);
    }

    [Theory]
    [InlineData("\"unterminated", "Syntax Error: Unterminated string.", 1, 14)]
    [InlineData("\"line\nbreak\"", "Syntax Error: Unterminated string.", 1, 6)]
    [InlineData("\"\"\"never closed", "Syntax Error: Unterminated string.", 1, 16)]
    [InlineData("\"bad \\x esc\"", "Syntax Error: Invalid character escape sequence: \"\\x\".", 1, 6)]
    [InlineData("\"\\", "Syntax Error: Invalid character escape sequence: \"\\\".", 1, 2)]
    [InlineData("\"\\u12\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u12\"\".", 1, 2)]
    [InlineData("\"\\uXYZW\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uXYZW\".", 1, 2)]
    [InlineData("\"\\uD800\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uD800\".", 1, 2)]
    [InlineData("\"\\uDE00\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uDE00\".", 1, 2)]
    [InlineData("\"\\uD83D\\u0041\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uD83D\".", 1, 2)]
    [InlineData("\"\\u{}\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{}\".", 1, 2)]
    [InlineData("\"\\u{D800}\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{D800}\".", 1, 2)]
    [InlineData("\"\\u{110000}\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{110000}\".", 1, 2)]
    [InlineData("\"\\u{FFFFFFFFF}\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{FFFFFFFF\".", 1, 2)]
    [InlineData("\"\\u{1F600\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{1F600\"\".", 1, 2)]
    [InlineData("\"\\u{é}\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{é\".", 1, 2)]
    [InlineData("\"lone <D800>\"", "Syntax Error: Invalid character within String: U+D800.", 1, 7)]
    [InlineData("\"\"\"lone <DC00>\"\"\"", "Syntax Error: Invalid character within String: U+DC00.", 1, 9)]
    [InlineData("<D800>", "Syntax Error: Invalid character: U+D800.", 1, 1)]
    [InlineData("# comment <D800>", "Syntax Error: Invalid character: U+D800.", 1, 11)]
    [InlineData("00", "Syntax Error: Invalid number, unexpected digit after 0: \"0\".", 1, 2)]
    [InlineData("-01", "Syntax Error: Invalid number, unexpected digit after 0: \"1\".", 1, 3)]
    [InlineData("-", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 2)]
    [InlineData("-a", "Syntax Error: Invalid number, expected digit but got: \"a\".", 1, 2)]
    [InlineData("1.", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 3)]
    [InlineData("1.e1", "Syntax Error: Invalid number, expected digit but got: \"e\".", 1, 3)]
    [InlineData("1e", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 3)]
    [InlineData("1e+", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 4)]
    [InlineData("1a", "Syntax Error: Invalid number, expected digit but got: \"a\".", 1, 2)]
    [InlineData("1_", "Syntax Error: Invalid number, expected digit but got: \"_\".", 1, 2)]
    [InlineData("1.5.2", "Syntax Error: Invalid number, expected digit but got: \".\".", 1, 4)]
    [InlineData("0x1", "Syntax Error: Invalid number, expected digit but got: \"x\".", 1, 2)]
    [InlineData("1\"", "Syntax Error: Unterminated string.", 1, 3)]
    [InlineData("1é", "Syntax Error: Unexpected character: U+00E9.", 1, 2)]
    [InlineData("1.\"", "Syntax Error: Invalid number, expected digit but got: '\"'.", 1, 3)]
    [InlineData("1.é", "Syntax Error: Invalid number, expected digit but got: U+00E9.", 1, 3)]
    [InlineData(".5", "Syntax Error: Invalid number, expected digit before \".\", did you mean \"0.5\"?", 1, 1)]
    [InlineData("..", "Syntax Error: Unexpected \"..\", did you mean \"...\"?", 1, 1)]
    [InlineData(".", "Syntax Error: Unexpected character: \".\".", 1, 1)]
    [InlineData("'", "Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?", 1, 1)]
    [InlineData("?", "Syntax Error: Unexpected character: \"?\".", 1, 1)]
    [InlineData("\u0007", "Syntax Error: Unexpected character: U+0007.", 1, 1)]
    [InlineData("a é", "Syntax Error: Unexpected character: U+00E9.", 1, 3)]
    [InlineData("\n  😀", "Syntax Error: Unexpected character: U+1F600.", 2, 3)]
    public void Lexical_errors_have_graphql_js_messages_and_locations(string source, string message, int line, int column)
    {
        // Test data cannot carry a lone surrogate (it is replaced on the way), so it is written as a placeholder.
        source = source.Replace("<D800>", "\uD800", StringComparison.Ordinal).Replace("<DC00>", "\uDC00", StringComparison.Ordinal);
        var error = Assert.Throws<GraphQLSyntaxException>(() => Lex(SourceText.ToUtf8(source)));

        Assert.Equal(message, error.Message);
        Assert.Equal(new SourceLocation(line, column), Assert.Single(error.Error.Locations));
    }

    [Theory]
    [InlineData(new byte[] { (byte)'{', 0xFF, (byte)'}' }, "Syntax Error: Invalid character: 0xFF.", 2)]
    [InlineData(new byte[] { (byte)'"', 0xC3, (byte)'"' }, "Syntax Error: Invalid character within String: 0xC3.", 2)]
    [InlineData(new byte[] { (byte)'"', 0xE0, 0x80, 0x80, (byte)'"' }, "Syntax Error: Invalid character within String: 0xE0.", 2)]
    [InlineData(new byte[] { (byte)'"', 0xF4, 0x90, 0x80, 0x80, (byte)'"' }, "Syntax Error: Invalid character within String: 0xF4.", 2)]
    public void Ill_formed_utf8_is_an_invalid_character(byte[] source, string message, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Lex(source));

        Assert.Equal(message, error.Message);
        Assert.Equal(new SourceLocation(1, column), Assert.Single(error.Error.Locations));
    }

    [Fact]
    public void A_lone_surrogate_in_a_dotnet_string_is_reported_where_it_stands()
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ a(s: \"x\uD800\") }"));

        Assert.Equal("Syntax Error: Invalid character within String: U+D800.", error.Message);
        Assert.Equal(new SourceLocation(1, 10), error.Location);
    }
}
