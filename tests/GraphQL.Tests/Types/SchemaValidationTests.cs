using Voting.GraphQL.Errors;
using Voting.GraphQL.Language;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Types;

/// <summary>Every type system rule of spec section 3, with graphql-js 17's message.</summary>
public sealed class SchemaValidationTests
{
    private static IReadOnlyList<string> ErrorsOf(string sdl) =>
        [.. Assert.Throws<SchemaValidationException>(() => SchemaBuilder.FromSdl(sdl).Create()).Errors.Select(e => e.Message)];

    private static void Fails(string sdl, params string[] messages) => Assert.Equal(messages, ErrorsOf(sdl));

    [Fact]
    public void A_valid_schema_builds()
    {
        var schema = SchemaBuilder.FromSdl("type Query { hello: String }").Create();
        Assert.NotNull(schema.QueryType);
    }

    [Fact]
    public void Query_root_type_must_be_provided() =>
        Fails("type Mutation { a: String }", "Query root type must be provided.");

    [Fact]
    public void Root_types_must_be_object_types()
    {
        Fails(
            "schema { query: Q mutation: M subscription: S } input Q { a: String } scalar M enum S { A }",
            "Query root type must be Object type, it cannot be Q.",
            "Mutation root type must be Object type if provided, it cannot be M.",
            "Subscription root type must be Object type if provided, it cannot be S.");
    }

    [Fact]
    public void Root_types_must_be_different() =>
        Fails("schema { query: Q mutation: Q } type Q { a: String }", "All root types must be different, \"Q\" type is used as query and mutation root types.");

    [Fact]
    public void Errors_carry_the_locations_of_the_definitions()
    {
        var errors = Assert.Throws<SchemaValidationException>(() => SchemaBuilder.FromSdl("type Query { a: String }\ntype Empty").Create()).Errors;
        var error = Assert.Single(errors);
        Assert.Equal([new SourceLocation(2, 1)], error.Locations);
    }

    [Fact]
    public void Names_must_not_start_with_two_underscores() =>
        Fails(
            "type Query { __a: String, b(__c: Int): String } type __T { a: String } enum E { __V } input I { __f: Int } directive @__d on FIELD",
            "Name \"__d\" must not begin with \"__\", which is reserved by GraphQL introspection.",
            "Name \"__a\" must not begin with \"__\", which is reserved by GraphQL introspection.",
            "Name \"__c\" must not begin with \"__\", which is reserved by GraphQL introspection.",
            "Name \"__T\" must not begin with \"__\", which is reserved by GraphQL introspection.",
            "Name \"__V\" must not begin with \"__\", which is reserved by GraphQL introspection.",
            "Name \"__f\" must not begin with \"__\", which is reserved by GraphQL introspection.");

    [Fact]
    public void Names_built_in_code_must_be_valid_names()
    {
        var query = new ObjectType("Query", [new FieldDefinition("a-b", Scalars.String), new FieldDefinition("1a", Scalars.String)]);
        var errors = Assert.Throws<SchemaValidationException>(() => new Schema(new SchemaConfig { Query = query })).Errors;
        Assert.Equal(
            ["Names must only contain [_a-zA-Z0-9] but \"a-b\" does not.", "Names must start with [_a-zA-Z] but \"1a\" does not."],
            errors.Select(e => e.Message));
    }

    [Fact]
    public void Objects_and_interfaces_must_define_fields() =>
        Fails(
            "type Query { a: I } type Empty interface I",
            "Type Empty must define one or more fields.",
            "Type I must define one or more fields.");

    [Fact]
    public void Field_types_must_be_output_types_and_argument_types_input_types() =>
        Fails(
            "type Query { a: In, b(x: Query): String } input In { f: String }",
            "The type of Query.a must be Output Type but got: In.",
            "The type of Query.b(x:) must be Input Type but got: Query.");

    [Fact]
    public void Input_fields_must_be_input_types() =>
        Fails("type Query { a(i: In): String } input In { f: Query }", "The type of In.f must be Input Type but got: Query.");

    [Fact]
    public void Required_arguments_and_input_fields_cannot_be_deprecated() =>
        Fails(
            "type Query { a(x: Int! @deprecated, y: Int! = 1 @deprecated, i: In): String } input In { f: Int! @deprecated(reason: \"old\") g: Int @deprecated } directive @d(r: Int! @deprecated) on FIELD",
            "Required argument @d(r:) cannot be deprecated.",
            "Required argument Query.a(x:) cannot be deprecated.",
            "Required input field In.f cannot be deprecated.");

    [Fact]
    public void Directives_need_locations_and_input_argument_types()
    {
        var directive = new DirectiveDefinition("nowhere", []) { Arguments = [new ArgumentDefinition("o", new ObjectType("O", [new FieldDefinition("a", Scalars.String)]))] };
        var query = new ObjectType("Query", [new FieldDefinition("a", Scalars.String)]);
        var errors = Assert.Throws<SchemaValidationException>(() => new Schema(new SchemaConfig { Query = query, Directives = [.. Directives.Specified, directive] })).Errors;
        Assert.Equal(["Directive @nowhere must include 1 or more locations.", "The type of @nowhere(o:) must be Input Type but got: O."], errors.Select(e => e.Message));
    }

    [Fact]
    public void Objects_may_only_implement_interfaces() =>
        Fails(
            "type Query implements U & S & Query { a: String } union U = Query scalar S",
            "Type Query must only implement Interface types, it cannot implement U.",
            "Type Query must only implement Interface types, it cannot implement S.",
            "Type Query must only implement Interface types, it cannot implement Query.");

    [Fact]
    public void An_interface_cannot_implement_itself() =>
        Fails("type Query { a: I } interface I implements I { a: String }", "Type I cannot implement itself because it would create a circular reference.");

    [Fact]
    public void An_interface_can_be_implemented_only_once() =>
        Fails("type Query implements I & I { a: String } interface I { a: String }", "Type Query can only implement I once.");

    [Fact]
    public void Interface_fields_must_be_provided() =>
        Fails("type Query implements I { a: String } interface I { a: String b: Int }", "Interface field I.b expected but Query does not provide it.");

    [Fact]
    public void Implementation_field_types_must_be_covariant()
    {
        SchemaBuilder.FromSdl("type Query implements I { a: String! b: [B!] c: B } interface I { a: String b: [I] c: I } type B implements I { a: String b: [I] c: I }").Create();
        Fails(
            "type Query implements I { a: Int b: String c: [String] } interface I { a: String b: String! c: String }",
            "Interface field I.a expects type String but Query.a is type Int.",
            "Interface field I.b expects type String! but Query.b is type String.",
            "Interface field I.c expects type String but Query.c is type [String].");
    }

    [Fact]
    public void Interface_arguments_must_be_provided_with_the_same_type() =>
        Fails(
            "type Query implements I { a(y: Int): String b(x: String): String } interface I { a(x: Int): String b(x: Int): String }",
            "Interface field argument I.a(x:) expected but Query.a does not provide it.",
            "Interface field argument I.b(x:) expects type Int but Query.b(x:) is type String.");

    [Fact]
    public void Additional_arguments_must_be_optional() =>
        Fails(
            "type Query implements I { a(x: Int, y: Int!, z: Int! = 1): String } interface I { a(x: Int): String }",
            "Argument \"Query.a(y:)\" must not be required type \"Int!\" if not provided by the Interface field \"I.a\".");

    [Fact]
    public void Implementation_fields_may_be_deprecated_only_when_the_interface_field_is() =>
        Fails(
            "type Query implements I { a: String @deprecated b: String @deprecated } interface I { a: String b: String @deprecated }",
            "Interface field I.a is not deprecated, so implementation field Query.a must not be deprecated.");

    [Fact]
    public void Transitive_interfaces_must_be_declared() =>
        Fails(
            "type Query implements B { a: String } interface A { a: String } interface B implements A { a: String }",
            "Type Query must implement A because it is implemented by B.");

    [Fact]
    public void Interfaces_cannot_implement_each_other_in_a_cycle() =>
        Fails(
            "type Query implements A & B { a: String } interface A implements B { a: String } interface B implements A { a: String }",
            "Type A cannot implement B because it would create a circular reference.",
            "Type B cannot implement A because it would create a circular reference.");

    [Fact]
    public void Unions_must_have_object_members_each_once() =>
        Fails(
            "type Query { a: U b: V c: W } union U union V = Query | Query union W = I | S interface I { a: String } scalar S",
            "Union type U must define one or more member types.",
            "Union type V can only include type Query once.",
            "Union type W can only include Object types, it cannot include I.",
            "Union type W can only include Object types, it cannot include S.");

    [Fact]
    public void Enums_must_have_values_with_allowed_names()
    {
        Fails("type Query { a: E } enum E", "Enum type E must define one or more values.");
        var bad = new EnumType("E", [new EnumValueDefinition("true"), new EnumValueDefinition("null")]);
        var query = new ObjectType("Query", [new FieldDefinition("a", bad)]);
        var errors = Assert.Throws<SchemaValidationException>(() => new Schema(new SchemaConfig { Query = query })).Errors;
        Assert.Equal(["Enum values cannot be named: true", "Enum values cannot be named: null"], errors.Select(e => e.Message));
    }

    [Fact]
    public void Input_objects_must_define_fields() =>
        Fails("type Query { a(i: I): String } input I", "Input Object type I must define one or more fields.");

    [Fact]
    public void OneOf_fields_must_be_nullable_without_defaults() =>
        Fails(
            "type Query { a(i: I): String } input I @oneOf { a: String! b: Int = 1 c: Int }",
            "OneOf input field I.a must be nullable.",
            "OneOf input field I.b cannot have a default value.");

    [Fact]
    public void Input_objects_must_admit_a_finite_value()
    {
        Fails(
            "type Query { a(i: A): String } input A { b: B! } input B { a: A! }",
            "Input Object A cannot be provided a finite value because it references itself through fields: A.b, B.a.");
        Fails(
            "type Query { a(i: A): String } input A { self: A! }",
            "Input Object A cannot be provided a finite value because it references itself through fields: A.self.");

        // Breakable cycles are fine: through a nullable field, a list, or a OneOf with an exit.
        SchemaBuilder.FromSdl("type Query { a(i: A): String } input A { b: A c: [A!]! d: O! } input O @oneOf { a: A s: String }").Create();
    }

    [Fact]
    public void A_OneOf_input_object_whose_every_field_loops_back_has_no_finite_value() =>
        Fails(
            "type Query { a(i: O): String } input O @oneOf { a: O }",
            "Input Object O cannot be provided a finite value because it references itself through fields: O.a.");

    [Fact]
    public void Every_error_is_listed_not_only_the_first()
    {
        var exception = Assert.Throws<SchemaValidationException>(() => SchemaBuilder.FromSdl("type Mutation { a: E } enum E").Create());
        Assert.Equal(2, exception.Errors.Count);
        Assert.Equal("Query root type must be provided.\n\nEnum type E must define one or more values.", exception.Message);
    }

    [Fact]
    public void Default_values_must_be_values_of_their_types() =>
        Fails(
            "type Query { a(x: Int = \"s\", y: [Int] = [1, \"b\"], i: In = { a: 1, z: 2 }): Int } input In { a: Int b: Int! c: Int = 1.5 } directive @d(e: E = C) on FIELD enum E { A B }",
            "@d(e:) has invalid default value: Value \"C\" does not exist in \"E\" enum. Did you mean the enum value \"A\" or \"B\"?",
            "Query.a(x:) has invalid default value: Int cannot represent non-integer value: \"s\"",
            "Query.a(y:) has invalid default value at [1]: Int cannot represent non-integer value: \"b\"",
            "Query.a(i:) has invalid default value: Expected value of type \"In\" to include required field \"b\", found: { a: 1, z: 2 }.",
            "Query.a(i:) has invalid default value: Expected value of type \"In\" not to include unknown field \"z\". Did you mean \"a\", \"b\", or \"c\"? Found: { a: 1, z: 2 }.",
            "In.c has invalid default value: Int cannot represent non-integer value: 1.5");

    [Fact]
    public void Default_values_must_not_depend_on_themselves() =>
        Fails(
            "type Query { a(i: A): Int } input A { b: B = {} } input B { c: C = {} } input C { a: A = {} }",
            "Invalid circular reference. The default value of Input Object field A.b references itself via the default values of: B.c, C.a.");

    [Fact]
    public void Literals_are_checked_against_input_types_with_paths()
    {
        var schema = SchemaBuilder.FromSdl("type Query { a(o: O): Int } input O @oneOf { a: Int b: [String!] }").Create();
        var type = schema.GetType("O")!;
        var problems = InputLiteralValidator.Validate(Parser.ParseValue("{ b: [\"x\", null] }"), type);
        var problem = Assert.Single(problems);
        Assert.Equal("Expected value of non-null type \"String!\" not to be null.", problem.Message);
        Assert.Equal(" at .b[1]", problem.PrintPath());
        Assert.Equal(
            "Within OneOf Input Object type \"O\", exactly one field must be specified, and the value for that field must be non-null.",
            Assert.Single(InputLiteralValidator.Validate(Parser.ParseValue("{ a: 1, b: \"x\" }"), type)).Message);
        Assert.Empty(InputLiteralValidator.Validate(Parser.ParseValue("{ b: \"single item\" }"), type));
        var variables = new Dictionary<string, object?> { ["v"] = null };
        Assert.Equal(
            "Expected variable \"$v\" provided to non-null type \"Int!\" not to be null.",
            Assert.Single(InputLiteralValidator.Validate(Parser.ParseValue("$v"), new NonNullType(Scalars.Int), variables)).Message);
    }

    [Theory]
    [InlineData("nmae", "name")]
    [InlineData("NAME", "name")]
    [InlineData("id", "id")]
    public void Suggestions_find_close_names(string input, string expected) =>
        Assert.Equal(expected, Suggestions.List(input, ["name", "id", "title", "identifier"])[0]);

    [Fact]
    public void Suggestions_are_ordered_by_distance_then_naturally_and_at_most_five()
    {
        Assert.Equal(["abc1", "abc2", "abc10"], Suggestions.List("abc", ["abc10", "abc2", "abc1", "zzz"]));
        Assert.Equal(["x2", "x10"], Suggestions.List("xyz", ["x10", "x2"]));
        Assert.Equal(" Did you mean \"a\", \"b\", \"c\", \"d\", or \"e\"?", Suggestions.DidYouMean(["a", "b", "c", "d", "e", "f"]));
        Assert.Equal(string.Empty, Suggestions.DidYouMean([]));
    }
}
