using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Types;

public sealed class IntrospectionTests
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl("""
        type Query {
          a(x: Int = 1, y: In = { s: "v" }): String
          old: Int @deprecated(reason: "gone")
          e: E
        }

        input In { s: String }

        enum E { ON OFF @deprecated }
        """).Create();

    private static async Task<object?> Resolve(ObjectType type, string field, object? parent, IReadOnlyDictionary<string, object?>? arguments = null) =>
        await type.Fields[field].Resolver!(new TestResolverContext(Schema, type.Fields[field], parent, arguments));

    [Fact]
    public void Every_schema_holds_the_introspection_types_and_does_not_print_them()
    {
        foreach (var name in new[] { "__Schema", "__Type", "__Field", "__InputValue", "__EnumValue", "__Directive", "__TypeKind", "__DirectiveLocation", "String", "Boolean" })
        {
            Assert.NotNull(Schema.GetType(name));
        }

        Assert.DoesNotContain("__", SchemaPrinter.Print(Schema), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meta_fields_resolve_the_schema_a_type_by_name_and_the_type_name()
    {
        var query = Schema.QueryType!;
        Assert.Same(Schema, await Introspection.SchemaField.Resolver!(new TestResolverContext(Schema, Introspection.SchemaField, null)));
        Assert.Same(query, await Introspection.TypeField.Resolver!(new TestResolverContext(Schema, Introspection.TypeField, null, new Dictionary<string, object?> { ["name"] = "Query" })));
        Assert.Equal("Query", await Introspection.TypeNameField.Resolver!(new TestResolverContext(Schema, query.Fields["a"], null)));
    }

    [Fact]
    public async Task Type_and_field_resolvers_describe_the_schema()
    {
        var typeType = Introspection.TypeType;
        var query = Schema.QueryType!;
        Assert.Equal("OBJECT", Introspection.TypeKindType.Serialize(await Resolve(typeType, "kind", query)));
        Assert.Equal("NON_NULL", Introspection.TypeKindType.Serialize(await Resolve(typeType, "kind", new NonNullType(query))));
        var fields = Assert.IsAssignableFrom<IEnumerable<FieldDefinition>>(await Resolve(typeType, "fields", query, new Dictionary<string, object?> { ["includeDeprecated"] = false }));
        Assert.Equal(["a", "e"], fields.Select(f => f.Name));
        var all = Assert.IsAssignableFrom<IEnumerable<FieldDefinition>>(await Resolve(typeType, "fields", query, new Dictionary<string, object?> { ["includeDeprecated"] = true }));
        Assert.Equal(["a", "old", "e"], all.Select(f => f.Name));
        Assert.Null(await Resolve(typeType, "fields", Scalars.Int));

        var argument = query.Fields["a"].GetArgument("y")!;
        Assert.Equal("{ s: \"v\" }", await Resolve(Introspection.InputValueType, "defaultValue", argument));
        Assert.Equal("gone", await Resolve(Introspection.FieldType, "deprecationReason", query.Fields["old"]));
        Assert.Equal(true, await Resolve(Introspection.FieldType, "isDeprecated", query.Fields["old"]));

        var values = Assert.IsAssignableFrom<IEnumerable<EnumValueDefinition>>(await Resolve(typeType, "enumValues", Schema.GetType("E")));
        Assert.Equal(["ON"], values.Select(v => v.Name));
        var directives = Assert.IsAssignableFrom<IEnumerable<DirectiveDefinition>>(await Resolve(Introspection.SchemaType, "directives", Schema));
        Assert.Equal(["include", "skip", "deprecated", "specifiedBy", "oneOf"], directives.Select(d => d.Name));
        var locations = Assert.IsAssignableFrom<IEnumerable<DirectiveLocation>>(await Resolve(Introspection.DirectiveType, "locations", Directives.Skip));
        Assert.Equal(["FIELD", "FRAGMENT_SPREAD", "INLINE_FRAGMENT"], locations.Select(l => Introspection.DirectiveLocationType.Serialize(l)));
    }

    [Fact]
    public void Field_definitions_include_the_meta_fields_where_they_apply()
    {
        var query = Schema.QueryType!;
        Assert.Same(Introspection.SchemaField, Schema.GetFieldDefinition(query, "__schema"));
        Assert.Same(Introspection.TypeField, Schema.GetFieldDefinition(query, "__type"));
        Assert.Same(Introspection.TypeNameField, Schema.GetFieldDefinition(query, "__typename"));
        Assert.Same(query.Fields["a"], Schema.GetFieldDefinition(query, "a"));
        Assert.Null(Schema.GetFieldDefinition(query, "missing"));
        Assert.Null(Schema.GetFieldDefinition(Schema.GetType("In")!, "__typename"));
        Assert.Null(Schema.GetFieldDefinition(Introspection.TypeType, "__schema"));
    }
}
