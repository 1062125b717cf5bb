using Voting.GraphQL.Language;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Tests.Language;

public sealed class PrinterTests
{
    // Expected texts are graphql-js 17.1.0's print of the same source.
    [Theory]
    [InlineData(
        "query Q($a: Int = 1, $b: [String!]! @d) @q { alias: f(x: {b: [1, 2], c: \"s\"}) @include(if: $a) { ...F ... on T { g } ... @skip(if: true) { h } } }",
        "query Q($a: Int = 1, $b: [String!]! @d) @q {\n  alias: f(x: { b: [1, 2], c: \"s\" }) @include(if: $a) {\n    ...F\n    ... on T {\n      g\n    }\n    ... @skip(if: true) {\n      h\n    }\n  }\n}")]
    [InlineData("fragment F on T @d { a }", "fragment F on T @d {\n  a\n}")]
    [InlineData("query { a }", "{\n  a\n}")]
    [InlineData("\"desc\" query { a }", "\"desc\"\nquery {\n  a\n}")]
    [InlineData("query Q(\"v\" $a: Int) { a }", "query Q(\n\"v\"\n$a: Int\n) {\n  a\n}")]
    [InlineData(
        "{ a(first: 10, after: \"cursor-abcdefghijklmnopqrstuvwxyz\", orderBy: {field: CREATED_AT, direction: DESC}) { b } }",
        "{\n  a(\n    first: 10\n    after: \"cursor-abcdefghijklmnopqrstuvwxyz\"\n    orderBy: { field: CREATED_AT, direction: DESC }\n  ) {\n    b\n  }\n}")]
    [InlineData(
        "{ a(x: [\"one two three four\", \"five six seven eight\", \"nine ten eleven twelve\", \"thirteen\"]) }",
        "{\n  a(\n    x: [\n      \"one two three four\"\n      \"five six seven eight\"\n      \"nine ten eleven twelve\"\n      \"thirteen\"\n    ]\n  )\n}")]
    [InlineData(
        "\"\"\"\nType description\n  indented\n\"\"\"\ntype T implements A & B @d {\n  \"field\" f(\"arg\" a: Int = 1, b: String): [T!]!\n  g(a: Int): Int @deprecated(reason: \"no\")\n}",
        "\"\"\"\nType description\n  indented\n\"\"\"\ntype T implements A & B @d {\n  \"field\"\n  f(\n    \"arg\"\n    a: Int = 1\n    b: String\n  ): [T!]!\n  g(a: Int): Int @deprecated(reason: \"no\")\n}")]
    [InlineData(
        "union U @d = A | B\nenum E { \"d\" A B @d }\ninput I { a: Int = 1 }\nscalar S @d\nschema @d { query: Q mutation: M }\ndirective @d(a: Int) repeatable on FIELD | OBJECT",
        "union U @d = A | B\n\nenum E {\n  \"d\"\n  A\n  B @d\n}\n\ninput I {\n  a: Int = 1\n}\n\nscalar S @d\n\nschema @d {\n  query: Q\n  mutation: M\n}\n\ndirective @d(a: Int) repeatable on FIELD | OBJECT")]
    [InlineData(
        "extend schema @d\nextend scalar S @d\nextend type T implements I @d { a: Int }\nextend interface I { a: Int }\nextend union U = C\nextend enum E { C }\nextend input I { b: Int }",
        "extend schema @d\n\nextend scalar S @d\n\nextend type T implements I @d {\n  a: Int\n}\n\nextend interface I {\n  a: Int\n}\n\nextend union U = C\n\nextend enum E {\n  C\n}\n\nextend input I {\n  b: Int\n}")]
    [InlineData("{ a(o: {}, l: []) }", "{\n  a(o: {  }, l: [])\n}")]
    public void Print_lays_out_documents_as_graphql_js_does(string source, string expected)
    {
        Assert.Equal(expected, Printer.Print(Parser.Parse(source)));
    }

    [Theory]
    [InlineData("ends with quote\"", "\"\"\"\nends with quote\"\n\"\"\"")]
    [InlineData("  leading", "\"\"\"  leading\"\"\"")]
    [InlineData("a\"\"\"b", "\"\"\"a\\\"\"\"b\"\"\"")]
    [InlineData("trailing\\", "\"\"\"\ntrailing\\\n\"\"\"")]
    [InlineData("line1\n  line2", "\"\"\"\nline1\n  line2\n\"\"\"")]
    [InlineData("", "\"\"\"\"\"\"")]
    [InlineData("first\nsecond", "\"\"\"\nfirst\nsecond\n\"\"\"")]
    [InlineData("\ttab", "\"\"\"\ttab\"\"\"")]
    [InlineData("a\r\nb", "\"\"\"\na\r\nb\n\"\"\"")]
    public void Block_strings_follow_graphql_js_printBlockString(string value, string expected)
    {
        Assert.Equal(expected, Printer.Print(new StringValueNode { Value = value, Block = true }));
    }

    [Fact]
    public void A_block_string_longer_than_70_characters_goes_on_its_own_lines()
    {
        string value = new('x', 71);

        Assert.Equal("\"\"\"\n" + value + "\n\"\"\"", Printer.Print(new StringValueNode { Value = value, Block = true }));
        Assert.Equal("\"\"\"" + value[..70] + "\"\"\"", Printer.Print(new StringValueNode { Value = value[..70], Block = true }));
    }

    [Fact]
    public void Strings_escape_control_characters_quotes_and_backslashes_only()
    {
        var value = new StringValueNode { Value = "q\" b\\ \b\f\n\r\t \u0001 \u007F \u009F é 😀" };

        Assert.Equal("\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0001 \\u007F \\u009F é 😀\"", Printer.Print(value));
    }

    [Fact]
    public void Trees_built_in_code_print_without_locations()
    {
        var field = new FieldNode { Name = new NameNode { Value = "ballot" }, Arguments = [new ArgumentNode { Name = new NameNode { Value = "id" }, Value = new IntValueNode { Value = "7" } }] };
        var document = new DocumentNode
        {
            Definitions = [new OperationDefinitionNode { Operation = OperationType.Mutation, SelectionSet = new SelectionSetNode { Selections = [field] } }],
        };

        Assert.Equal("mutation {\n  ballot(id: 7)\n}", Printer.Print(document));
    }

    [Fact]
    public void The_kitchen_sinks_survive_a_round_trip()
    {
        foreach (string source in new[] { ParserTests.KitchenSinkQuery, ParserTests.KitchenSinkSchema })
        {
            var document = Parser.Parse(source);
            string printed = Printer.Print(document);
            var reparsed = Parser.Parse(printed);

            AstComparer.AssertEqual(document, reparsed);
            Assert.Equal(printed, Printer.Print(reparsed));
        }
    }

    [Fact]
    public void Every_valid_corpus_document_survives_a_round_trip()
    {
        int valid = 0;
        foreach (string source in LanguageCorpus.All(generated: 300, mutated: 500, seed: 7))
        {
            DocumentNode document;
            try
            {
                document = Parser.Parse(source);
            }
            catch (GraphQLSyntaxException)
            {
                continue;
            }

            valid++;
            string printed = Printer.Print(document);
            AstComparer.AssertEqual(document, Parser.Parse(printed));
        }

        Assert.True(valid > 300, $"only {valid} valid documents");
    }
}
