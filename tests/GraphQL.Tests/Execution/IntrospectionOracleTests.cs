using System.Text;
using System.Text.Json;
using Voting.GraphQL.Execution;
using Voting.GraphQL.Language;
using Voting.GraphQL.Types;
using Voting.GraphQL.Validation;

namespace Voting.GraphQL.Tests.Execution;

/// <summary>
/// Spec section 4 end to end, against graphql-js (tests/oracle/introspection.mjs): our executor answers
/// graphql-js's getIntrospectionQuery() (plain and with every option), graphql-js's buildClientSchema
/// rebuilds the schema from our answer, and its printSchema gives exactly what our SchemaPrinter prints.
/// </summary>
public sealed class IntrospectionOracleTests
{
    private static readonly string[] Schemas =
    [
        "type Query { a: String }",
        "schema { query: Root mutation: Change subscription: Events } type Root { a: Int } type Change { b: Int } type Events { c: Int }",
        "\"Schema description\" schema { query: Query } type Query { a: Int }",
        "type Query { a(x: Int = 1, y: [String] = \"s\", z: Float = 1.0, w: ID = 4, v: E = B, u: In = { a: 1, b: [1, 2] }): Int } enum E { A B } input In { a: Int b: [Int] c: In }",
        "type Query { \"\\nleading\" a: Int \"trailing \" b: Int \"   indented\" c: Int \"line\\n  continued\" d: Int }",
        "type Query { a: String @deprecated b: String @deprecated(reason: \"No longer supported\") c: String @deprecated(reason: \"Use \\\"d\\\"\") d(x: Int @deprecated): Int }",
        "directive @a(x: Int = 1) repeatable on FIELD | QUERY directive @b on SCHEMA | SCALAR | OBJECT | FIELD_DEFINITION | ARGUMENT_DEFINITION | INTERFACE | UNION | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION | VARIABLE_DEFINITION type Query { a: Int }",
        "\"Directive\" directive @c(\"arg\" y: String) on FIELD type Query { a: Int }",
        "type Query { u: U i: I } union U = A | B type A implements I & J { a: Int } type B { b: Int } interface I implements J { a: Int } interface J { a: Int }",
        "type Query { a(i: O): Int } input O @oneOf { a: Int b: String }",
        "scalar Json scalar Url @specifiedBy(url: \"https://example.com\") type Query { j: Json u: Url }",
        "type Query { a: [[String!]!] } type Mutation { m: Boolean }",
        "enum E { A @deprecated \"described\" B C @deprecated(reason: \"x\") } type Query { e: E }",
        "type Query { a: Int } type Orphan { b: Int } interface Lonely { c: Int } input In { d: Int, e: String = \"x\" @deprecated } enum En { V } union Un = Orphan scalar Sc",
        "scalar DateTime scalar UUID scalar Long scalar Decimal scalar Date type Query { a: DateTime b: UUID c: Long d: Decimal e: Date }",
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Graphql_js_rebuilds_every_schema_from_our_introspection_and_prints_it_as_we_do(bool allOptions)
    {
        var query = await GraphQLJs.RunAsync("introspection.mjs", "query", allOptions ? "full" : "default");
        var document = Parser.Parse(query);

        var schemas = Schemas.Select(sdl => SchemaBuilder.FromSdl(sdl).Create())
            .Append(SchemaBuilder.FromSdl(File.ReadAllText(Path.Combine(GraphQLJs.RepositoryRoot(), "benchmarks", "documents", "schema.graphql"))).Create())
            .ToList();
        var results = new List<string>();
        foreach (var schema in schemas)
        {
            Assert.Empty(DocumentValidator.Validate(schema, document));
            var result = await Executor.ExecuteAsync(new ExecutionRequest { Schema = schema, Document = document }, TestContext.Current.CancellationToken);
            Assert.Empty(result.Errors);
            results.Add(ExecutorTests.Write(result));
        }

        var file = Path.Combine(Path.GetTempPath(), $"introspection-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, "[" + string.Join(",", results) + "]", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        try
        {
            var printed = JsonSerializer.Deserialize<JsonElement[]>(await GraphQLJs.RunAsync("introspection.mjs", "print", file))!;
            for (var i = 0; i < schemas.Count; i++)
            {
                if (!allOptions && UsesOptionalIntrospection(schemas[i]))
                {
                    // The default query asks for none of: the schema's description, deprecated arguments
                    // and input fields (includeDeprecated defaults to false), isRepeatable, specifiedByURL,
                    // isOneOf; so the rebuilt schema lacks them. The run with every option compares these whole.
                    Assert.True(printed[i].TryGetProperty("printed", out _), printed[i].ToString());
                    continue;
                }

                var expected = printed[i].TryGetProperty("printed", out var text) ? text.GetString() : "error: " + printed[i].GetProperty("error").GetString();
                var ours = SchemaPrinter.Print(schemas[i]);
                Assert.True(expected == ours, $"schema {i}:\ngraphql-js from our introspection:\n{expected}\nour printer:\n{ours}");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static bool UsesOptionalIntrospection(Schema schema) =>
        schema.Description is not null
        || schema.Directives.Any(d => d.IsRepeatable)
        || schema.Types.Values.Any(type => type switch
        {
            ComplexType complex => complex.Fields.Values.Any(f => f.Arguments.Any(a => a.IsDeprecated)),
            InputObjectType input => input.IsOneOf || input.Fields.Values.Any(f => f.IsDeprecated),
            ScalarType scalar => scalar.SpecifiedByUrl is not null,
            _ => false,
        });
}
