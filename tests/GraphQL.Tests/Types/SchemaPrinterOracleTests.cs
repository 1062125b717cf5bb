using System.Text.Json;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Types;

/// <summary>
/// Differential test against graphql-js's buildSchema, validateSchema and printSchema (tests/oracle/print-schema.mjs,
/// version pinned in its package.json): the same printed SDL, or the same errors in the same order.
/// Needs Node and the oracle's node_modules (./test.sh installs them), as the language oracle does.
/// </summary>
public sealed class SchemaPrinterOracleTests
{
    private static readonly string[] Corpus =
    [
        "type Query { a: String }",
        "schema { query: Root mutation: Change subscription: Events } type Root { a: Int } type Change { b: Int } type Events { c: Int }",
        "schema { query: Root } type Root { q: Query } type Query { a: Int }",
        "\"Schema description\" schema { query: Query } type Query { a: Int }",
        "type Query { b(y: Int x: String): T a: String } extend type Query { c: Int } type T { z: Int }",
        "type Query { a(x: Int = 1, y: [String] = \"s\", z: Float = 1.0, w: ID = 4, v: E = B, u: In = { a: 1, b: [1, 2] }): Int } enum E { A B } input In { a: Int b: [Int] c: In }",
        "type Query { a(\"described\" x: Int, y: Int): Int \"\" b: Int }",
        "type Query { \"\\nleading\" a: Int \"trailing \" b: Int \"   indented\" c: Int \"line\\n  continued\" d: Int \"tab\\tand \\u0001\" e: Int }",
        "type Query { \"a very long description that is over seventy characters long, so it is printed on lines of its own\" a: Int }",
        "type Query { a: String @deprecated b: String @deprecated(reason: \"No longer supported\") c: String @deprecated(reason: \"Use \\\"d\\\"\") d(x: Int @deprecated): Int }",
        "directive @a(x: Int = 1) repeatable on FIELD | QUERY directive @b on SCHEMA | SCALAR | OBJECT | FIELD_DEFINITION | ARGUMENT_DEFINITION | INTERFACE | UNION | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION | VARIABLE_DEFINITION type Query { a: Int }",
        "\"Directive\" directive @c(\"arg\" y: String) on FIELD type Query { a: Int }",
        "type Query { u: U i: I } union U = A | B type A implements I & J { a: Int } type B { b: Int } interface I implements J { a: Int } interface J { a: Int }",
        "type Query { a(i: O): Int } input O @oneOf { a: Int b: String }",
        "scalar Json scalar Url @specifiedBy(url: \"https://example.com\") type Query { j: Json u: Url }",
        "type Query { a: [[String!]!] } type Mutation { m: Boolean } extend schema { subscription: S } type S { s: Int }",
        "enum E { A @deprecated \"described\" B C @deprecated(reason: \"x\") } type Query { e: E }",
        "type Query { a: Int } type Orphan { b: Int } interface Lonely { c: Int } input In { d: Int } enum En { V } union Un = Orphan scalar Sc",

        // Documents graphql-js refuses: the same messages, in the same order.
        "type Query { a: Missing } extend type Nope { a: Int } extend scalar String @foo enum E { A } extend type E { a: Int }",
        "type Query { a: Int a: String } enum E { A A } type T { f(x: Int, x: Int): Int } input I { a: Int a: Int }",
        "type Query { a: Int } directive @d on FIELD directive @d on FIELD schema { query: Query query: Query }",
        "type Query { a: Int @unknown b: Int @deprecated @deprecated c: Int @specifiedBy(url: \"x\") d: Int @deprecated(why: \"x\") } scalar S @specifiedBy",
        "schema { query: Q mutation: M subscription: S } input Q { a: String } scalar M enum S { A }",
        "union W = I | S interface I { a: String } scalar S type Query { w: W }",
        "type Query implements I { a(y: Int!): Int b: String @deprecated } interface I { a: String b: String c(x: Int): Int }",
        "type Query { a(i: A, o: O): Int } input A { b: B! } input B { a: A! } input O @oneOf { o: O, p: Int! = 1 }",
        "type Mutation { a: Int } type T implements T { a: Int } union U enum E input In interface J",
        "type Query { a(x: Int! @deprecated): Int } input In { f: Int! @deprecated } directive @d(r: Int! @deprecated) on FIELD",
        "schema { query: Q mutation: Q } type Q { a: Int }",
        "type Query implements B { a: Int } interface A { a: Int } interface B implements A { a: Int } interface C implements D { a: Int } interface D implements C { a: Int }",
        "type Query { a(x: Int = \"s\", y: [Int] = [1, \"b\"], i: In = { a: 1, z: 2 }, j: In = 3, k: In = {}): Int } input In { a: Int b: Int! c: Int = 1.5 }",
        "type Query { a(o: O = { a: 1, b: \"x\" }, p: O = { a: null }, q: O = { b: \"ok\" }): Int } input O @oneOf { a: Int b: String }",
        "type Query { a(e: E = C, f: E = \"A\", g: [E!]! = [A, null], h: Float = 1, i: ID = 1.5, j: Boolean = 0, k: String = 1): Int } enum E { A B }",
        "type Query { a(i: A): Int } input A { a: A = {} b: B = {} c: [A] = [{ a: null }] } input B { x: C = {} } input C { y: B = { x: { y: null } } z: A = {} }",
        "type Query { a(i: A): Int } input A { b: B = {} } input B { c: C = {} } input C { a: A = {} }",
        "directive @d(x: Int = true) on FIELD type Query { a(n: Int! = null, l: [[Int]] = [[1], 2, [\"x\"]]): Int }",
    ];

    [Fact]
    public async Task Printing_and_errors_match_graphql_js()
    {
        var corpusFile = Path.Combine(Path.GetTempPath(), $"print-schema-{Guid.NewGuid():N}.json");
        File.WriteAllText(corpusFile, JsonSerializer.Serialize(Corpus));
        try
        {
            var expected = JsonSerializer.Deserialize<JsonElement[]>(await GraphQLJs.RunAsync("print-schema.mjs", corpusFile))!;
            for (var i = 0; i < Corpus.Length; i++)
            {
                var result = expected[i];
                string actual;
                try
                {
                    actual = SchemaPrinter.Print(SchemaBuilder.FromSdl(Corpus[i]).Create());
                }
                catch (SchemaValidationException exception)
                {
                    actual = "error: " + exception.Message;
                }

                var expectedText = result.TryGetProperty("printed", out var printed) ? printed.GetString() : "error: " + result.GetProperty("error").GetString();
                Assert.True(expectedText == actual, $"corpus[{i}]: {Corpus[i]}\ngraphql-js:\n{expectedText}\nours:\n{actual}");
            }
        }
        finally
        {
            File.Delete(corpusFile);
        }
    }
}
