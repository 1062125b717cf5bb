using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Types;

public sealed class SdlSchemaBuilderTests
{
    private static Schema Build(string sdl) => SchemaBuilder.FromSdl(sdl).Create();

    [Fact]
    public void Default_root_names_are_used_without_a_schema_definition()
    {
        var schema = Build("type Query { a: String } type Mutation { b: Int } type Subscription { c: Boolean }");
        Assert.Equal("Query", schema.QueryType?.Name);
        Assert.Equal("Mutation", schema.MutationType?.Name);
        Assert.Equal("Subscription", schema.SubscriptionType?.Name);
        Assert.Same(schema.MutationType, schema.GetRootType(OperationType.Mutation));
    }

    [Fact]
    public void A_schema_definition_names_the_root_types_and_default_names_no_longer_apply()
    {
        var schema = Build("schema { query: Root } type Root { a: String } type Mutation { b: Int }");
        Assert.Equal("Root", schema.QueryType?.Name);
        Assert.Null(schema.MutationType);
        Assert.NotNull(schema.GetType("Mutation"));
    }

    [Fact]
    public void Fields_arguments_and_types_carry_descriptions_defaults_and_deprecations()
    {
        var schema = Build("""
            "The root"
            type Query {
              "Greets"
              hello(
                "Who"
                name: String = "World"
                times: Int! = 1 @deprecated(reason: "Use count")
              ): String @deprecated
              color: Color
            }

            enum Color { RED @deprecated(reason: "Too loud") GREEN }
            """);
        var query = schema.QueryType!;
        Assert.Equal("The root", query.Description);
        var hello = query.Fields["hello"];
        Assert.Equal("Greets", hello.Description);
        Assert.Equal(Directives.DefaultDeprecationReason, hello.DeprecationReason);
        Assert.Same(query, hello.DeclaringType);
        Assert.Equal("Query.hello", hello.ToString());
        var name = hello.GetArgument("name")!;
        Assert.Equal("Who", name.Description);
        Assert.Equal("World", Assert.IsType<StringValueNode>(name.DefaultValue).Value);
        Assert.Equal("Use count", hello.GetArgument("times")!.DeprecationReason);
        Assert.False(hello.GetArgument("times")!.IsRequired);
        var color = Assert.IsType<EnumType>(schema.GetType("Color"));
        Assert.Equal("Too loud", color.GetValue("RED")!.DeprecationReason);
        Assert.Equal(["RED", "GREEN"], color.Values.Select(v => v.Name));
    }

    [Fact]
    public void Type_references_keep_their_wrappers()
    {
        var schema = Build("type Query { a: [String!]! b: [[Int]] }");
        Assert.Equal("[String!]!", schema.QueryType!.Fields["a"].Type.ToString());
        Assert.Equal("[[Int]]", schema.QueryType.Fields["b"].Type.ToString());
        Assert.Same(Scalars.String, schema.QueryType.Fields["a"].Type.GetNamedType());
    }

    [Fact]
    public void Extensions_add_fields_interfaces_members_values_and_directives()
    {
        var schema = Build("""
            type Query { a: String }
            extend type Query implements Node { id: ID! }
            interface Node { id: ID! }
            extend interface Node { version: Int }
            extend type Query { version: Int }
            type A { x: Int }
            type B { y: Int }
            union U = A
            extend union U = B
            enum E { ONE }
            extend enum E { TWO }
            input I { a: Int }
            extend input I @oneOf { b: Int }
            extend input I { c: String }
            scalar S
            extend scalar S @specifiedBy(url: "https://example.com/s")
            extend schema { mutation: M }
            type M { m(i: I, s: S, e: E): U2 }
            union U2 = A
            extend type Query { u: U }
            """);
        var query = schema.QueryType!;
        Assert.Equal(["a", "id", "version", "u"], query.Fields.Keys);
        Assert.Equal(["Node"], query.Interfaces.Select(i => i.Name));
        Assert.Equal(3, query.ExtensionAstNodes.Count);
        Assert.Equal(["id", "version"], ((InterfaceType)schema.GetType("Node")!).Fields.Keys);
        Assert.Equal(["A", "B"], ((UnionType)schema.GetType("U")!).Types.Select(t => t.Name));
        Assert.Equal(["ONE", "TWO"], ((EnumType)schema.GetType("E")!).Values.Select(v => v.Name));
        var input = (InputObjectType)schema.GetType("I")!;
        Assert.True(input.IsOneOf);
        Assert.Equal(["a", "b", "c"], input.Fields.Keys);
        Assert.Equal("https://example.com/s", ((ScalarType)schema.GetType("S")!).SpecifiedByUrl);
        Assert.Equal("M", schema.MutationType?.Name);
    }

    [Fact]
    public void Unknown_types_and_bad_extensions_are_refused()
    {
        var errors = Assert.Throws<SchemaValidationException>(() => Build("type Query { a: Missing } extend type Nope { a: Int } extend scalar String @foo enum E { A } extend type E { a: Int }")).Errors;
        Assert.Equal(
            [
                "Unknown type \"Missing\".",
                "Cannot extend type \"Nope\" because it is not defined.",
                "Cannot extend type \"String\" because it is not defined.",
                "Unknown directive \"@foo\".",
                "Cannot extend non-object type \"E\".",
            ],
            errors.Select(e => e.Message));
    }

    [Fact]
    public void Duplicate_type_names_are_refused() =>
        Assert.Equal(
            "There can be only one type named \"A\".",
            Assert.Single(Assert.Throws<SchemaValidationException>(() => Build("type Query { a: A } type A { a: Int } type A { b: Int }")).Errors).Message);

    [Fact]
    public void Directive_definitions_are_built_and_the_specified_ones_added()
    {
        var schema = Build("""
            "Caches"
            directive @cache(ttl: Int = 60) repeatable on FIELD_DEFINITION | OBJECT
            type Query @cache { a: String @cache(ttl: 5) }
            """);
        var cache = schema.GetDirective("cache")!;
        Assert.True(cache.IsRepeatable);
        Assert.Equal([DirectiveLocation.FIELD_DEFINITION, DirectiveLocation.OBJECT], cache.Locations);
        Assert.Equal("Caches", cache.Description);
        Assert.Equal(["cache", "include", "skip", "deprecated", "specifiedBy", "oneOf"], schema.Directives.Select(d => d.Name));
        Assert.Equal("cache", Assert.Single(schema.QueryType!.AppliedDirectives).Name.Value);
        Assert.Equal("cache", Assert.Single(schema.QueryType.Fields["a"].AppliedDirectives).Name.Value);
    }

    [Fact]
    public void Extra_scalars_declared_in_SDL_coerce_with_their_implementation()
    {
        var schema = Build("scalar DateTime type Query { at: DateTime plain: Plain } scalar Plain");
        var dateTime = (ScalarType)schema.GetType("DateTime")!;
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), dateTime.ParseValue("2026-01-02T03:04:05Z"));
        Assert.Null(dateTime.SpecifiedByUrl);
        var plain = (ScalarType)schema.GetType("Plain")!;
        Assert.Equal(42, plain.ParseValue(42));
    }

    [Fact]
    public async Task Resolvers_are_bound_by_type_and_field_and_others_use_the_default_resolver()
    {
        var schema = SchemaBuilder.FromSdl("type Query { hello: String title: String count: Int }")
            .BindResolver("Query", "hello", _ => new ValueTask<object?>("world"))
            .Create();
        var query = schema.QueryType!;
        Assert.Equal("world", await query.Fields["hello"].Resolver!(new TestResolverContext(schema, query.Fields["hello"], null)));
        Assert.Equal("Dune", await query.Fields["title"].Resolver!(new TestResolverContext(schema, query.Fields["title"], new Book("Dune", 3))));
        var map = new Dictionary<string, object?> { ["count"] = 7 };
        Assert.Equal(7, await query.Fields["count"].Resolver!(new TestResolverContext(schema, query.Fields["count"], map)));
    }

    [Fact]
    public async Task A_resolver_map_binds_many_fields()
    {
        var schema = SchemaBuilder.FromSdl("type Query { a: Int b: Int }")
            .BindResolvers(new Dictionary<string, IReadOnlyDictionary<string, FieldResolver>>
            {
                ["Query"] = new Dictionary<string, FieldResolver> { ["a"] = _ => new(1), ["b"] = _ => new(2) },
            })
            .Create();
        Assert.Equal(2, await schema.QueryType!.Fields["b"].Resolver!(new TestResolverContext(schema, schema.QueryType.Fields["b"], null)));
    }

    [Fact]
    public void Possible_types_sub_types_and_implementations_are_precomputed()
    {
        var schema = Build("""
            type Query { n: Node s: Search }
            interface Node { id: ID! }
            interface Entity implements Node { id: ID! }
            type User implements Node & Entity { id: ID! }
            type Post implements Node { id: ID! }
            union Search = User | Post
            """);
        var node = (InterfaceType)schema.GetType("Node")!;
        var entity = (InterfaceType)schema.GetType("Entity")!;
        var search = (UnionType)schema.GetType("Search")!;
        var user = (ObjectType)schema.GetType("User")!;
        var post = (ObjectType)schema.GetType("Post")!;
        Assert.Equal([user, post], schema.GetPossibleTypes(node));
        Assert.Equal([user, post], schema.GetPossibleTypes(search));
        Assert.Equal([user], schema.GetImplementations(entity).Objects);
        Assert.Equal([entity], schema.GetImplementations(node).Interfaces);
        Assert.True(schema.IsSubType(node, entity));
        Assert.True(schema.IsSubType(search, post));
        Assert.False(schema.IsSubType(entity, post));
        Assert.True(TypeComparators.DoTypesOverlap(schema, node, search));
        Assert.True(TypeComparators.DoTypesOverlap(schema, entity, user));
        Assert.False(TypeComparators.DoTypesOverlap(schema, entity, post));
        Assert.False(TypeComparators.DoTypesOverlap(schema, user, post));
        Assert.True(TypeComparators.IsTypeSubTypeOf(schema, new NonNullType(new ListType(new NonNullType(user))), new ListType(node)));
        Assert.False(TypeComparators.IsTypeSubTypeOf(schema, new ListType(node), new ListType(user)));
        Assert.True(TypeComparators.IsEqualType(new ListType(new NonNullType(user)), new ListType(new NonNullType(user))));
        Assert.False(TypeComparators.IsEqualType(new ListType(user), new NonNullType(user)));
    }

    [Fact]
    public void Type_predicates_classify_types()
    {
        var schema = Build("type Query { a(i: In): U } input In { a: Int } union U = Query enum E { A } scalar S interface I { a: Int } type T implements I { a: Int }");
        var input = schema.GetType("In")!;
        Assert.True(input.IsInputType());
        Assert.False(input.IsOutputType());
        Assert.True(new ListType(new NonNullType(input)).IsInputType());
        Assert.True(schema.GetType("E")!.IsInputType() && schema.GetType("E")!.IsOutputType() && schema.GetType("E")!.IsLeafType());
        Assert.True(schema.GetType("U")!.IsAbstractType() && schema.GetType("U")!.IsCompositeType());
        Assert.True(schema.GetType("I")!.IsAbstractType());
        Assert.False(schema.GetType("Query")!.IsAbstractType());
        Assert.True(schema.GetType("S")!.IsLeafType());
        Assert.Same(input, new NonNullType(new ListType(input)).GetNamedType());
        Assert.IsType<ListType>(new NonNullType(new ListType(input)).GetNullableType());
    }

    [Fact]
    public async Task The_default_resolver_prefers_an_exact_property_name_over_one_differing_in_case()
    {
        var schema = Build("type Query { name: String }");
        var field = schema.QueryType!.Fields["name"];
        Assert.Equal("lower", await field.Resolver!(new TestResolverContext(schema, field, new TwoNames())));
    }

    private sealed record Book(string Title, int Pages);

    private sealed class TwoNames
    {
        public string Name => "upper";

        [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006", Justification = "Two properties differing only in case is what is tested.")]
        public string name => "lower";
    }
}
