using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Types;

public sealed class SchemaPrinterTests
{
    /// <summary>SDL in graphql-js's printed form: printing the schema built from it gives it back unchanged.</summary>
    public static TheoryData<string> Canonical => new()
    {
        "type Query {\n  hello: String\n}",
        "schema {\n  query: Root\n  mutation: Change\n}\n\ntype Root {\n  a: Int\n}\n\ntype Change {\n  b: Int\n}",
        """"
        """The root of all reads"""
        type Query {
          """A greeting"""
          hello(name: String = "World", times: Int! = 2): String!

          """
          A long description that goes on and on and on and on and on and on and on.
          """
          long: [String!]
          old: Int @deprecated
          older: Int @deprecated(reason: "Use `new`")
        }
        """",
        """"
        type Query {
          search(
            """What to look for"""
            text: String!

            """How many"""
            first: Int = 10
            after: String
          ): [SearchResult!]!
        }

        union SearchResult = User | Post

        type User implements Node & Named {
          id: ID!
          name: String
        }

        interface Node {
          id: ID!
        }

        interface Named implements Node {
          id: ID!
          name: String
        }

        type Post implements Node {
          id: ID!
        }
        """",
        """"
        """Directs caching"""
        directive @cache(ttl: Int = 60, scope: Scope = PUBLIC) repeatable on FIELD_DEFINITION | OBJECT

        directive @tag(name: String!) on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION

        type Query {
          a(filter: Filter = { text: "x", tags: ["a", "b"] }, ids: [ID!] = [1, "2"]): Int
        }

        enum Scope {
          """Everyone"""
          PUBLIC

          """Only me"""
          PRIVATE @deprecated(reason: "Too private")
          INTERNAL
        }

        input Filter {
          text: String
          tags: [String!]
          old: Int @deprecated
          nested: Filter = null
        }

        input Choice @oneOf {
          a: Int
          b: String
        }

        scalar DateTime @specifiedBy(url: "https://scalars.graphql.org/chillicream/date-time.html")

        scalar Json
        """",
        "type Query {\n  a: String\n}\n\ntype Mutation {\n  b: String\n}\n\ntype Subscription {\n  c: String\n}",
        "\"\"\"\n  indented first line\nsecond\n\"\"\"\ntype Query {\n  \"\"\"with \"quotes\" and \\ slash\"\"\"\n  a: String\n}",
    };

    [Theory]
    [MemberData(nameof(Canonical))]
    public void Printing_a_schema_built_from_printed_SDL_gives_the_SDL_back(string sdl)
    {
        var printed = SchemaPrinter.Print(SchemaBuilder.FromSdl(sdl).Create());
        Assert.Equal(sdl.ReplaceLineEndings("\n"), printed);
        Assert.Equal(printed, SchemaPrinter.Print(SchemaBuilder.FromSdl(printed).Create()));
    }

    [Fact]
    public void Printing_normalises_sdl_as_graphql_js_does()
    {
        var schema = SchemaBuilder.FromSdl("""
            type Query { b(y: Int x: String): T a: String }
            extend type Query { c: Int }
            type T { z: Int }
            schema { query: Query }
            """).Create();
        Assert.Equal(
            "type Query {\n  b(y: Int, x: String): T\n  a: String\n  c: Int\n}\n\ntype T {\n  z: Int\n}",
            SchemaPrinter.Print(schema));
    }

    [Fact]
    public void A_type_named_Query_that_is_not_the_query_root_needs_the_schema_definition()
    {
        var schema = SchemaBuilder.FromSdl("schema { query: Root } type Root { q: Query } type Query { a: Int }").Create();
        Assert.StartsWith("schema {\n  query: Root\n}\n\n", SchemaPrinter.Print(schema), StringComparison.Ordinal);
    }

    [Fact]
    public void A_description_that_is_not_printable_as_a_block_string_is_printed_as_a_string()
    {
        var schema = SchemaBuilder.FromSdl("type Query { \"\\nleading newline\" a: Int \"trailing space \" b: Int }").Create();
        Assert.Equal("type Query {\n  \"\\nleading newline\"\n  a: Int\n\n  \"\"\"trailing space \"\"\"\n  b: Int\n}", SchemaPrinter.Print(schema));
    }

    [Fact]
    public void Types_built_in_code_print_in_the_order_they_are_reached()
    {
        var episode = new EnumType("Episode", [new EnumValueDefinition("NEW_HOPE") { Description = "Released in 1977." }, new EnumValueDefinition("EMPIRE")]);
        var character = new InterfaceType("Character", [new FieldDefinition("name", new NonNullType(Scalars.String))]);
        var human = new ObjectType("Human", [new FieldDefinition("name", new NonNullType(Scalars.String)), new FieldDefinition("born", Scalars.Date)], [character]);
        var query = new ObjectType("Query", [new FieldDefinition("hero", character) { Arguments = [new ArgumentDefinition("episode", episode)] }]);
        var schema = new Schema(new SchemaConfig { Query = query, Types = [human] });
        Assert.Equal(
            """"
            type Human implements Character {
              name: String!
              born: Date
            }

            interface Character {
              name: String!
            }

            """
            The `Date` scalar type represents a calendar date without time, as an RFC 3339 full-date string such as `"2026-05-01"`.
            """
            scalar Date @specifiedBy(url: "https://scalars.graphql.org/chillicream/date.html")

            type Query {
              hero(episode: Episode): Character
            }

            enum Episode {
              """Released in 1977."""
              NEW_HOPE
              EMPIRE
            }
            """".ReplaceLineEndings("\n"),
            SchemaPrinter.Print(schema));
    }
}
