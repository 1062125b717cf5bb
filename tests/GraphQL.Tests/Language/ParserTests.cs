using Voting.GraphQL.Language;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Tests.Language;

public sealed class ParserTests
{
    internal const string KitchenSinkQuery = """"
        "Finds a ballot and what the voter may see of it."
        query queryName($foo: ComplexType, $site: Site = MOBILE, "how many" $count: Int! = 10 @onVariableDefinition) @onQuery {
          whoever123is: node(id: [123, 456]) {
            id
            ... on User @onInlineFragment {
              field2 {
                id
                alias: field1(first: 10, after: $foo) @include(if: $foo) {
                  id
                  ...frag @onFragmentSpread
                }
              }
            }
            ... @skip(unless: $foo) {
              id
            }
            ... {
              id
            }
          }
        }

        mutation likeStory @onMutation {
          like(story: 123) @onField {
            story {
              id @onField
            }
          }
        }

        subscription StoryLikeSubscription($input: StoryLikeSubscribeInput @onVariableDefinition) @onSubscription {
          storyLikeSubscribe(input: $input) {
            story {
              likers {
                count
              }
              likeSentence {
                text
              }
            }
          }
        }

        "A fragment's description"
        fragment frag on Friend @onFragmentDefinition {
          foo(size: $size, bar: $b, obj: {key: "value", block: """
            block string uses \"""
          """, list: [1.5, -2e10, true, false, null, ENUM, []], empty: {}})
        }

        {
          unnamed(truthy: true, falsy: false, nullish: null)
          query
        }

        query {
          __typename
        }
        """";

    internal const string KitchenSinkSchema = """"
        "This is a description of the schema as a whole."
        schema @onSchema {
          query: QueryType
          mutation: MutationType
        }

        """
        This is a description
        of the `Foo` type.
        """
        type Foo implements Bar & Baz & Two {
          "Description of the `one` field."
          one: Type
          """This is a description of the `two` field."""
          two(
            """This is a description of the `argument` argument."""
            argument: InputType!
          ): Type
          three(argument: InputType, other: String): Int
          four(argument: String = "string"): String
          five(argument: [String] = ["string", "string"]): String
          six(argument: InputType = {key: "value"}): Type
          seven(argument: Int = null): Type
          eight(argument: OneOfInputType): Type
        }

        type AnnotatedObject @onObject(arg: "value") {
          annotatedField(arg: Type = "default" @onArgumentDefinition): Type @onField
        }

        type UndefinedType

        extend type Foo {
          seven(argument: [String]): Type
        }

        extend type Foo @onType

        interface Bar {
          one: Type
          four(argument: String = "string"): String
        }

        interface AnnotatedInterface @onInterface {
          annotatedField(arg: Type @onArgumentDefinition): Type @onField
        }

        interface UndefinedInterface

        extend interface Bar implements Two {
          two(argument: InputType!): Type
        }

        extend interface Bar @onInterface

        interface Baz implements & Bar & Two {
          one: Type
          two(argument: InputType!): Type
          four(argument: String = "string"): String
        }

        union Feed =
          | Story
          | Article
          | Advert

        union AnnotatedUnion @onUnion = A | B

        union AnnotatedUnionTwo @onUnion = | A | B

        union UndefinedUnion

        extend union Feed = Photo | Video

        extend union Feed @onUnion

        scalar CustomScalar

        scalar AnnotatedScalar @onScalar

        extend scalar CustomScalar @onScalar

        enum Site {
          "This is a description of the `DESKTOP` value"
          DESKTOP

          """This is a description of the `MOBILE` value"""
          MOBILE

          "This is a description of the `WEB` value"
          WEB
        }

        enum AnnotatedEnum @onEnum {
          ANNOTATED_VALUE @onEnumValue
          OTHER_VALUE
        }

        enum UndefinedEnum

        extend enum Site {
          VR
        }

        extend enum Site @onEnum

        input InputType {
          key: String!
          answer: Int = 42
        }

        input OneOfInputType @oneOf {
          string: String
          int: Int
        }

        input AnnotatedInput @onInputObject {
          annotatedField: Type @onInputFieldDefinition
        }

        input UndefinedInput

        extend input InputType {
          other: Float = 1.23e4 @onInputFieldDefinition
        }

        extend input InputType @onInputObject

        "This is a description of the `@skip` directive"
        directive @skip(
          "This is a description of the `if` argument"
          if: Boolean! @onArgumentDefinition
        ) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        directive @include(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        directive @include2(if: Boolean!) on
          | FIELD
          | FRAGMENT_SPREAD
          | INLINE_FRAGMENT

        directive @myRepeatableDir(name: String!) repeatable on
          | OBJECT
          | INTERFACE

        extend schema @onSchema

        extend schema @onSchema {
          subscription: SubscriptionType
        }
        """";

    [Fact]
    public void The_kitchen_sink_query_parses_into_every_executable_node()
    {
        var document = Parser.Parse(KitchenSinkQuery);

        Assert.Equal(6, document.Definitions.Count);
        var query = Assert.IsType<OperationDefinitionNode>(document.Definitions[0]);
        Assert.Equal(OperationType.Query, query.Operation);
        Assert.Equal("queryName", query.Name!.Value);
        Assert.Equal("Finds a ballot and what the voter may see of it.", query.Description!.Value);
        Assert.Equal(3, query.VariableDefinitions.Count);
        var count = query.VariableDefinitions[2];
        Assert.Equal("how many", count.Description!.Value);
        Assert.Equal("count", count.Variable.Name.Value);
        Assert.Equal("Int", Assert.IsType<NamedTypeNode>(Assert.IsType<NonNullTypeNode>(count.Type).Type).Name.Value);
        Assert.Equal("10", Assert.IsType<IntValueNode>(count.DefaultValue).Value);
        Assert.Equal("onVariableDefinition", Assert.Single(count.Directives).Name.Value);
        var node = Assert.IsType<FieldNode>(Assert.Single(query.SelectionSet.Selections));
        Assert.Equal("whoever123is", node.Alias!.Value);
        Assert.Equal("node", node.Name.Value);
        Assert.IsType<InlineFragmentNode>(node.SelectionSet!.Selections[1]);
        Assert.Null(Assert.IsType<InlineFragmentNode>(node.SelectionSet.Selections[3]).TypeCondition);

        Assert.Equal(OperationType.Mutation, Assert.IsType<OperationDefinitionNode>(document.Definitions[1]).Operation);
        Assert.Equal(OperationType.Subscription, Assert.IsType<OperationDefinitionNode>(document.Definitions[2]).Operation);
        var fragment = Assert.IsType<FragmentDefinitionNode>(document.Definitions[3]);
        Assert.Equal("A fragment's description", fragment.Description!.Value);
        Assert.Equal("Friend", fragment.TypeCondition.Name.Value);
        var argument = Assert.Single(Assert.IsType<FieldNode>(Assert.Single(fragment.SelectionSet.Selections)).Arguments, a => a.Name.Value == "obj");
        var obj = Assert.IsType<ObjectValueNode>(argument.Value);
        var block = Assert.IsType<StringValueNode>(obj.Fields[1].Value);
        Assert.True(block.Block);
        Assert.Equal("block string uses \"\"\"", block.Value);
        var list = Assert.IsType<ListValueNode>(obj.Fields[2].Value);
        Assert.Equal(
            [SyntaxKind.FloatValue, SyntaxKind.FloatValue, SyntaxKind.BooleanValue, SyntaxKind.BooleanValue, SyntaxKind.NullValue, SyntaxKind.EnumValue, SyntaxKind.ListValue],
            list.Values.Select(v => v.Kind));
        var shorthand = Assert.IsType<OperationDefinitionNode>(document.Definitions[4]);
        Assert.Null(shorthand.Name);
        Assert.Equal("query", ((FieldNode)shorthand.SelectionSet.Selections[1]).Name.Value);
    }

    [Fact]
    public void The_kitchen_sink_schema_parses_into_every_type_system_node()
    {
        var document = Parser.Parse(KitchenSinkSchema);

        var kinds = document.Definitions.Select(d => d.Kind).ToHashSet();
        foreach (var kind in new[]
        {
            SyntaxKind.SchemaDefinition, SyntaxKind.ObjectTypeDefinition, SyntaxKind.ObjectTypeExtension, SyntaxKind.InterfaceTypeDefinition,
            SyntaxKind.InterfaceTypeExtension, SyntaxKind.UnionTypeDefinition, SyntaxKind.UnionTypeExtension, SyntaxKind.ScalarTypeDefinition,
            SyntaxKind.ScalarTypeExtension, SyntaxKind.EnumTypeDefinition, SyntaxKind.EnumTypeExtension, SyntaxKind.InputObjectTypeDefinition,
            SyntaxKind.InputObjectTypeExtension, SyntaxKind.DirectiveDefinition, SyntaxKind.SchemaExtension,
        })
        {
            Assert.Contains(kind, kinds);
        }

        var foo = document.Definitions.OfType<ObjectTypeDefinitionNode>().First();
        Assert.Equal("This is a description\nof the `Foo` type.", foo.Description!.Value);
        Assert.Equal(["Bar", "Baz", "Two"], foo.Interfaces.Select(i => i.Name.Value));
        var baz = document.Definitions.OfType<InterfaceTypeDefinitionNode>().Single(i => i.Name.Value == "Baz");
        Assert.Equal(["Bar", "Two"], baz.Interfaces.Select(i => i.Name.Value));
        var feed = document.Definitions.OfType<UnionTypeDefinitionNode>().First();
        Assert.Equal(["Story", "Article", "Advert"], feed.Types.Select(t => t.Name.Value));
        var repeatable = document.Definitions.OfType<DirectiveDefinitionNode>().Single(d => d.Name.Value == "myRepeatableDir");
        Assert.True(repeatable.Repeatable);
        Assert.Equal(["OBJECT", "INTERFACE"], repeatable.Locations.Select(l => l.Value));
        Assert.Empty(document.Definitions.OfType<ObjectTypeDefinitionNode>().Single(t => t.Name.Value == "UndefinedType").Fields);
    }

    [Fact]
    public void Every_node_gets_its_location_in_bytes_lines_and_columns()
    {
        // "é" is two bytes and one UTF-16 unit; "😀" is four bytes and two units; columns count units, offsets bytes.
        var document = Parser.Parse("query Q {\n  a(x: \"é😀\") b\n}");

        var operation = (OperationDefinitionNode)document.Definitions[0];
        Assert.Equal(new Location(0, 30, 1, 1), operation.Location);
        var field = (FieldNode)operation.SelectionSet.Selections[0];
        Assert.Equal(new Location(12, 26, 2, 3), field.Location);
        Assert.Equal(new Location(14, 25, 2, 5), field.Arguments[0].Location);
        Assert.Equal(new Location(27, 28, 2, 15), operation.SelectionSet.Selections[1].Location);
        Assert.Equal(new Location(0, 30, 1, 1), document.Location);
    }

    [Fact]
    public void No_location_leaves_every_location_null()
    {
        var document = Parser.Parse("{ a }", new ParserOptions { NoLocation = true });

        Assert.Null(document.Location);
        Assert.Null(document.Definitions[0].Location);
        Assert.Null(((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections[0].Location);
    }

    [Fact]
    public void Parse_value_and_parse_type_read_one_value_or_type()
    {
        var value = Assert.IsType<ObjectValueNode>(Parser.ParseValue("""{ a: [$v, "s", 1.0] }"""));
        Assert.IsType<VariableNode>(((ListValueNode)value.Fields[0].Value).Values[0]);

        var type = Assert.IsType<NonNullTypeNode>(Parser.ParseType("[String!]!"u8));
        Assert.IsType<ListTypeNode>(type.Type);

        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseValue("1 2"));
        Assert.Equal("Syntax Error: Expected <EOF>, found Int \"2\".", error.Message);
    }

    [Fact]
    public void Names_repeated_in_a_document_share_one_string()
    {
        var document = Parser.Parse("{ a { a } a }");

        var selections = ((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections.Cast<FieldNode>().ToList();
        Assert.Same(selections[0].Name.Value, selections[1].Name.Value);
    }

    [Theory]
    [InlineData("{", "Syntax Error: Expected Name, found <EOF>.", 1, 2)]
    [InlineData("{ }", "Syntax Error: Expected Name, found \"}\".", 1, 3)]
    [InlineData("", "Syntax Error: Unexpected <EOF>.", 1, 1)]
    [InlineData("{ ...MissingOn }\nfragment MissingOn Type", "Syntax Error: Expected \"on\", found Name \"Type\".", 2, 20)]
    [InlineData("{ field: {} }", "Syntax Error: Expected Name, found \"{\".", 1, 10)]
    [InlineData("notAnOperation Foo { field }", "Syntax Error: Unexpected Name \"notAnOperation\".", 1, 1)]
    [InlineData("...", "Syntax Error: Unexpected \"...\".", 1, 1)]
    [InlineData("{ \"\"", "Syntax Error: Expected Name, found String \"\".", 1, 3)]
    [InlineData("fragment on on on { on }", "Syntax Error: Unexpected Name \"on\".", 1, 10)]
    [InlineData("{ ...on }", "Syntax Error: Expected Name, found \"}\".", 1, 9)]
    [InlineData("query Foo($x: Complex = { a: { b: [ $var ] } }) { field }", "Syntax Error: Unexpected variable \"$var\" in constant value.", 1, 37)]
    [InlineData("query Foo($x: Int = $) { field }", "Syntax Error: Unexpected \"$\".", 1, 21)]
    [InlineData("{ f(a: ) }", "Syntax Error: Unexpected \")\".", 1, 8)]
    [InlineData("fragment f on T @d(a: $v) { a } extend", "Syntax Error: Unexpected <EOF>.", 1, 39)]
    [InlineData("\"desc\" { a }", "Syntax Error: Unexpected description, descriptions are not supported on shorthand queries.", 1, 1)]
    [InlineData("\"desc\" extend type T @d", "Syntax Error: Unexpected description, only GraphQL definitions support descriptions.", 1, 1)]
    [InlineData("\"desc\" nonsense", "Syntax Error: Unexpected description, only GraphQL definitions support descriptions.", 1, 1)]
    [InlineData("schema { nonsense: T }", "Syntax Error: Unexpected Name \"nonsense\".", 1, 10)]
    [InlineData("extend scalar S", "Syntax Error: Unexpected <EOF>.", 1, 16)]
    [InlineData("extend type T", "Syntax Error: Unexpected <EOF>.", 1, 14)]
    [InlineData("extend interface I", "Syntax Error: Unexpected <EOF>.", 1, 19)]
    [InlineData("extend union U", "Syntax Error: Unexpected <EOF>.", 1, 15)]
    [InlineData("extend enum E", "Syntax Error: Unexpected <EOF>.", 1, 14)]
    [InlineData("extend input I", "Syntax Error: Unexpected <EOF>.", 1, 15)]
    [InlineData("extend schema", "Syntax Error: Unexpected <EOF>.", 1, 14)]
    [InlineData("extend nonsense T", "Syntax Error: Unexpected Name \"nonsense\".", 1, 8)]
    [InlineData("enum E { true }", "Syntax Error: Name \"true\" is reserved and cannot be used for an enum value.", 1, 10)]
    [InlineData("enum E { \"d\" null }", "Syntax Error: Name \"null\" is reserved and cannot be used for an enum value.", 1, 14)]
    [InlineData("directive @d on NONSENSE", "Syntax Error: Unexpected Name \"NONSENSE\".", 1, 17)]
    [InlineData("directive @d(a: Int) FIELD", "Syntax Error: Expected \"on\", found Name \"FIELD\".", 1, 22)]
    [InlineData("type T implements A & { f: Int }", "Syntax Error: Expected Name, found \"{\".", 1, 23)]
    [InlineData("union U = A | | B", "Syntax Error: Expected Name, found \"|\".", 1, 15)]
    [InlineData("type T { f: [Int }", "Syntax Error: Expected \"]\", found \"}\".", 1, 18)]
    [InlineData("type T { f: Int!! }", "Syntax Error: Expected Name, found \"!\".", 1, 17)]
    [InlineData("input I { f: Int = $v }", "Syntax Error: Unexpected variable \"$v\" in constant value.", 1, 20)]
    [InlineData("query Q($v: Int) @d(a: 1", "Syntax Error: Expected Name, found <EOF>.", 1, 25)]
    public void Syntax_errors_have_graphql_js_messages_and_locations(string source, string message, int line, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source));

        Assert.Equal(message, error.Message);
        Assert.Equal(message, error.Error.Message);
        Assert.Equal(new Voting.GraphQL.Errors.SourceLocation(line, column), Assert.Single(error.Error.Locations));
    }

    [Fact]
    public void The_byte_and_string_entry_points_agree()
    {
        var fromString = Parser.Parse(KitchenSinkSchema);
        var fromBytes = Parser.Parse(System.Text.Encoding.UTF8.GetBytes(KitchenSinkSchema));

        AstComparer.AssertEqual(fromString, fromBytes);
    }
}
