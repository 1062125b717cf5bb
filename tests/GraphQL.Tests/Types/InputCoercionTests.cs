using Voting.GraphQL.Language;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Types;

public sealed class InputCoercionTests
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl("""
        type Query { a(i: In, o: O): Int }
        input In { a: Int! b: [String!] c: E d: Int = 7 }
        enum E { ON OFF }
        input O @oneOf { x: Int y: String }
        """).Create();

    private static readonly GraphQLType In = Schema.GetType("In")!;

    private static readonly GraphQLType O = Schema.GetType("O")!;

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    [Fact]
    public void Runtime_values_are_validated_with_graphql_js_messages_and_paths()
    {
        var problems = InputValueValidator.Validate(Map(("b", new List<object?> { "x", null }), ("c", "OF"), ("z", 1)), In);
        Assert.Equal(
            [
                "Expected value of type \"In\" to include required field \"a\", found: { b: [\"x\", null], c: \"OF\", z: 1 }. ",
                "Expected value of non-null type \"String!\" not to be null.  at .b[1]",
                "Value \"OF\" does not exist in \"E\" enum. Did you mean the enum value \"OFF\" or \"ON\"?  at .c",
                "Expected value of type \"In\" not to include unknown field \"z\". Did you mean \"a\", \"b\", \"c\", or \"d\"? Found: { b: [\"x\", null], c: \"OF\", z: 1 }. ",
            ],
            problems.Select(p => p.Message + " " + p.PrintPath()));
        Assert.Equal("Expected value of type \"In\" to be an object, found: 5.", Assert.Single(InputValueValidator.Validate(5, In)).Message);
        Assert.Equal(
            "Within OneOf Input Object type \"O\", exactly one field must be specified, and the value for that field must be non-null.",
            Assert.Single(InputValueValidator.Validate(Map(("x", 1), ("y", "a")), O)).Message);
        Assert.Equal(["x"], Assert.Single(InputValueValidator.Validate(Map(("x", null)), O)).Path);
        Assert.Equal(
            "Expected a value of non-null type \"Int!\" to be provided.",
            Assert.Single(InputValueValidator.Validate(InputValueValidator.Missing, new NonNullType(Scalars.Int))).Message);
    }

    [Fact]
    public void Runtime_values_coerce_to_clr_values_with_defaults_applied()
    {
        Assert.True(InputCoercion.TryCoerceValue(Map(("a", 1L), ("b", "single"), ("c", "ON")), In, out var coerced));
        var fields = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(coerced);
        Assert.Equal(1, fields["a"]);
        Assert.Equal(["single"], Assert.IsAssignableFrom<IEnumerable<object?>>(fields["b"]));
        Assert.Equal("ON", fields["c"]);
        Assert.Equal(7, fields["d"]);
        Assert.False(InputCoercion.TryCoerceValue(Map(("b", "x")), In, out _));
        Assert.False(InputCoercion.TryCoerceValue(null, new NonNullType(Scalars.Int), out _));
        Assert.False(InputCoercion.TryCoerceValue(Map(("x", 1), ("y", "a")), O, out _));
    }

    [Fact]
    public void Literals_coerce_with_variables_and_defaults()
    {
        var variables = new Dictionary<string, object?> { ["n"] = 3, ["nothing"] = null };
        Assert.True(InputCoercion.TryCoerceLiteral(Parser.ParseValue("{ a: $n, b: [\"x\", \"y\"], d: $absent }"), In, variables, out var coerced));
        var fields = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(coerced);
        Assert.Equal(3, fields["a"]);
        Assert.Equal(7, fields["d"]);
        Assert.False(InputCoercion.TryCoerceLiteral(Parser.ParseValue("$nothing"), new NonNullType(Scalars.Int), variables, out _));
        Assert.True(InputCoercion.TryCoerceLiteral(Parser.ParseValue("[1, $absent]"), new ListType(Scalars.Int), variables, out var list));
        Assert.Equal([1, null], Assert.IsAssignableFrom<IEnumerable<object?>>(list));
        Assert.False(InputCoercion.TryCoerceLiteral(Parser.ParseValue("{ a: 1, z: 2 }"), In, null, out _));
    }

    [Fact]
    public void Defaults_are_coerced_once_per_definition()
    {
        var argument = new ArgumentDefinition("x", new ListType(Scalars.Int)) { DefaultValue = Parser.ParseValue("1") };
        Assert.True(InputCoercion.TryCoerceDefaultValue(argument, out var first));
        Assert.True(InputCoercion.TryCoerceDefaultValue(argument, out var second));
        Assert.Same(first, second);
        Assert.Equal([1], Assert.IsAssignableFrom<IEnumerable<object?>>(first));
        Assert.False(InputCoercion.TryCoerceDefaultValue(new ArgumentDefinition("y", Scalars.Int), out _));
    }

    [Fact]
    public void Code_first_input_objects_coerce_to_their_clr_type()
    {
        var schema = SchemaBuilder.New().AddQueryType<LibraryQuery>().AddMutationType<LibraryMutation>().Create();
        Assert.True(InputCoercion.TryCoerceLiteral(Parser.ParseValue("{ title: \"Emma\", pages: 300, tags: \"classic\" }"), schema.GetType("BookInput")!, null, out var value));
        var input = Assert.IsType<BookInput>(value);
        Assert.Equal("Emma", input.Title);
        Assert.Equal(["classic"], input.Tags);
        Assert.True(InputCoercion.TryCoerceValue(Map(("title", "x"), ("genres", new List<object?> { "FANTASY" })), schema.GetType("BookFilterInput")!, out var filter));
        Assert.Equal([Genre.Fantasy], Assert.IsType<BookFilter>(filter).Genres);
    }
}
