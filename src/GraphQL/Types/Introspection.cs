using Voting.GraphQL.Language;

namespace Voting.GraphQL.Types;

/// <summary>
/// The introspection types of spec section 4 (__Schema, __Type, __Field, __InputValue, __EnumValue,
/// __Directive, __TypeKind, __DirectiveLocation) with their resolvers, and the meta-fields
/// <c>__schema</c>, <c>__type(name:)</c> and <c>__typename</c> that every query may select. Every
/// schema holds these types; the executor answers the meta-fields (they are in no type's field map).
/// </summary>
public static class Introspection
{
    private static readonly Lazy<Types> All = new(CreateTypes);

    public static ObjectType SchemaType => All.Value.Schema;

    public static ObjectType TypeType => All.Value.Type;

    public static ObjectType FieldType => All.Value.Field;

    public static ObjectType InputValueType => All.Value.InputValue;

    public static ObjectType EnumValueType => All.Value.EnumValue;

    public static ObjectType DirectiveType => All.Value.Directive;

    public static EnumType TypeKindType => All.Value.TypeKind;

    public static EnumType DirectiveLocationType => All.Value.DirectiveLocation;

    /// <summary><c>__schema: __Schema!</c>, on the query root type.</summary>
    public static FieldDefinition SchemaField => All.Value.SchemaField;

    /// <summary><c>__type(name: String!): __Type</c>, on the query root type.</summary>
    public static FieldDefinition TypeField => All.Value.TypeField;

    /// <summary><c>__typename: String!</c>, on every object, interface and union type.</summary>
    public static FieldDefinition TypeNameField => All.Value.TypeNameField;

    public static IReadOnlyList<NamedType> IntrospectionTypes => All.Value.List;

    public static bool IsIntrospectionType(NamedType type) => All.Value.List.Contains(type);

    private static FieldResolver Resolve<TParent>(Func<TParent, IResolverContext, object?> resolve) =>
        context => new ValueTask<object?>(context.Parent is TParent parent ? resolve(parent, context) : null);

    private static bool IncludeDeprecated(IResolverContext context) =>
        context.TryGetArgument("includeDeprecated", out var value) && value is true;

    private static Types CreateTypes()
    {
        ObjectType? schema = null, type = null, field = null, inputValue = null, enumValue = null, directive = null;
        var nonNullString = new NonNullType(Scalars.String);
        var nonNullBoolean = new NonNullType(Scalars.Boolean);
        ArgumentDefinition IncludeDeprecatedArgument() =>
            new("includeDeprecated", nonNullBoolean) { DefaultValue = new Language.Ast.BooleanValueNode { Value = false } };
        GraphQLType ListOf(ObjectType of) => new NonNullType(new ListType(new NonNullType(of)));

        var typeKind = new EnumType("__TypeKind", Enum.GetNames<TypeKind>().Select(n => new EnumValueDefinition(n, Enum.Parse<TypeKind>(n))))
        {
            Description = "The kinds of type: what a __Type describes and which of its fields apply.",
        };
        var directiveLocation = new EnumType("__DirectiveLocation", Enum.GetValues<DirectiveLocation>().Select(l => new EnumValueDefinition(l.ToString(), l)))
        {
            Description = "A place in a document or schema where a directive may be applied.",
        };

        schema = new ObjectType("__Schema", () =>
        [
            new FieldDefinition("description", Scalars.String) { Resolver = Resolve<Schema>((s, _) => s.Description) },
            new FieldDefinition("types", ListOf(type!)) { Resolver = Resolve<Schema>((s, _) => s.Types.Values.ToList()) },
            new FieldDefinition("queryType", new NonNullType(type!)) { Resolver = Resolve<Schema>((s, _) => s.QueryType) },
            new FieldDefinition("mutationType", type!) { Resolver = Resolve<Schema>((s, _) => s.MutationType) },
            new FieldDefinition("subscriptionType", type!) { Resolver = Resolve<Schema>((s, _) => s.SubscriptionType) },
            new FieldDefinition("directives", ListOf(directive!))
            {
                Arguments = [IncludeDeprecatedArgument()],
                Resolver = Resolve<Schema>((s, _) => s.Directives.ToList()),
            },
        ])
        {
            Description = "The capabilities of a GraphQL service: its types, directives and root operation types.",
            IsTypeOf = v => v is Schema,
        };

        type = new ObjectType("__Type", () =>
        [
            new FieldDefinition("kind", new NonNullType(typeKind)) { Resolver = Resolve<GraphQLType>((t, _) => KindOf(t)) },
            new FieldDefinition("name", Scalars.String) { Resolver = Resolve<GraphQLType>((t, _) => (t as NamedType)?.Name) },
            new FieldDefinition("description", Scalars.String) { Resolver = Resolve<GraphQLType>((t, _) => (t as NamedType)?.Description) },
            new FieldDefinition("specifiedByURL", Scalars.String) { Resolver = Resolve<GraphQLType>((t, _) => (t as ScalarType)?.SpecifiedByUrl) },
            new FieldDefinition("fields", new ListType(new NonNullType(field!)))
            {
                Arguments = [IncludeDeprecatedArgument()],
                Resolver = Resolve<GraphQLType>((t, c) => t is ComplexType complex
                    ? complex.Fields.Values.Where(f => IncludeDeprecated(c) || f.DeprecationReason is null).ToList()
                    : null),
            },
            new FieldDefinition("interfaces", new ListType(new NonNullType(type!))) { Resolver = Resolve<GraphQLType>((t, _) => (t as ComplexType)?.Interfaces) },
            new FieldDefinition("possibleTypes", new ListType(new NonNullType(type!)))
            {
                Resolver = Resolve<GraphQLType>((t, c) => t is InterfaceType or UnionType ? c.Schema.GetPossibleTypes((NamedType)t) : null),
            },
            new FieldDefinition("enumValues", new ListType(new NonNullType(enumValue!)))
            {
                Arguments = [IncludeDeprecatedArgument()],
                Resolver = Resolve<GraphQLType>((t, c) => (t as EnumType)?.Values.Where(v => IncludeDeprecated(c) || v.DeprecationReason is null).ToList()),
            },
            new FieldDefinition("inputFields", new ListType(new NonNullType(inputValue!)))
            {
                Arguments = [IncludeDeprecatedArgument()],
                Resolver = Resolve<GraphQLType>((t, c) => (t as InputObjectType)?.Fields.Values.Where(f => IncludeDeprecated(c) || f.DeprecationReason is null).ToList()),
            },
            new FieldDefinition("ofType", type!)
            {
                Resolver = Resolve<GraphQLType>((t, _) => t switch
                {
                    ListType list => list.OfType,
                    NonNullType nonNull => nonNull.OfType,
                    _ => null,
                }),
            },
            new FieldDefinition("isOneOf", Scalars.Boolean) { Resolver = Resolve<GraphQLType>((t, _) => (t as InputObjectType)?.IsOneOf) },
        ])
        {
            Description = "A type of the schema, or a list or non-null wrapper of one; `kind` says which fields apply.",
            IsTypeOf = v => v is GraphQLType,
        };

        field = new ObjectType("__Field", () =>
        [
            new FieldDefinition("name", nonNullString) { Resolver = Resolve<FieldDefinition>((f, _) => f.Name) },
            new FieldDefinition("description", Scalars.String) { Resolver = Resolve<FieldDefinition>((f, _) => f.Description) },
            new FieldDefinition("args", ListOf(inputValue!))
            {
                Arguments = [IncludeDeprecatedArgument()],
                Resolver = Resolve<FieldDefinition>((f, c) => f.Arguments.Where(a => IncludeDeprecated(c) || a.DeprecationReason is null).ToList()),
            },
            new FieldDefinition("type", new NonNullType(type!)) { Resolver = Resolve<FieldDefinition>((f, _) => f.Type) },
            new FieldDefinition("isDeprecated", nonNullBoolean) { Resolver = Resolve<FieldDefinition>((f, _) => f.DeprecationReason is not null) },
            new FieldDefinition("deprecationReason", Scalars.String) { Resolver = Resolve<FieldDefinition>((f, _) => f.DeprecationReason) },
        ])
        {
            Description = "A field of an object or interface type: its name, arguments and type.",
            IsTypeOf = v => v is FieldDefinition,
        };

        inputValue = new ObjectType("__InputValue", () =>
        [
            new FieldDefinition("name", nonNullString) { Resolver = Resolve<InputValueDefinition>((v, _) => v.Name) },
            new FieldDefinition("description", Scalars.String) { Resolver = Resolve<InputValueDefinition>((v, _) => v.Description) },
            new FieldDefinition("type", new NonNullType(type!)) { Resolver = Resolve<InputValueDefinition>((v, _) => v.Type) },
            new FieldDefinition("defaultValue", Scalars.String)
            {
                Description = "The default value as a GraphQL literal, if there is one.",
                Resolver = Resolve<InputValueDefinition>((v, _) => v.DefaultValue is null ? null : Printer.Print(v.DefaultValue)),
            },
            new FieldDefinition("isDeprecated", nonNullBoolean) { Resolver = Resolve<InputValueDefinition>((v, _) => v.DeprecationReason is not null) },
            new FieldDefinition("deprecationReason", Scalars.String) { Resolver = Resolve<InputValueDefinition>((v, _) => v.DeprecationReason) },
        ])
        {
            Description = "An argument of a field or directive, or a field of an input object.",
            IsTypeOf = v => v is InputValueDefinition,
        };

        enumValue = new ObjectType("__EnumValue", () =>
        [
            new FieldDefinition("name", nonNullString) { Resolver = Resolve<EnumValueDefinition>((v, _) => v.Name) },
            new FieldDefinition("description", Scalars.String) { Resolver = Resolve<EnumValueDefinition>((v, _) => v.Description) },
            new FieldDefinition("isDeprecated", nonNullBoolean) { Resolver = Resolve<EnumValueDefinition>((v, _) => v.DeprecationReason is not null) },
            new FieldDefinition("deprecationReason", Scalars.String) { Resolver = Resolve<EnumValueDefinition>((v, _) => v.DeprecationReason) },
        ])
        {
            Description = "One value of an enum type.",
            IsTypeOf = v => v is EnumValueDefinition,
        };

        directive = new ObjectType("__Directive", () =>
        [
            new FieldDefinition("name", nonNullString) { Resolver = Resolve<DirectiveDefinition>((d, _) => d.Name) },
            new FieldDefinition("description", Scalars.String) { Resolver = Resolve<DirectiveDefinition>((d, _) => d.Description) },
            new FieldDefinition("isRepeatable", nonNullBoolean) { Resolver = Resolve<DirectiveDefinition>((d, _) => d.IsRepeatable) },
            new FieldDefinition("locations", new NonNullType(new ListType(new NonNullType(directiveLocation)))) { Resolver = Resolve<DirectiveDefinition>((d, _) => d.Locations) },
            new FieldDefinition("args", ListOf(inputValue!))
            {
                Arguments = [IncludeDeprecatedArgument()],
                Resolver = Resolve<DirectiveDefinition>((d, c) => d.Arguments.Where(a => IncludeDeprecated(c) || a.DeprecationReason is null).ToList()),
            },
        ])
        {
            Description = "A directive the schema defines: where it may be applied and what arguments it takes.",
            IsTypeOf = v => v is DirectiveDefinition,
        };

        var schemaField = new FieldDefinition("__schema", new NonNullType(schema))
        {
            Description = "Access the current type schema of this server.",
            Resolver = context => new ValueTask<object?>(context.Schema),
        };
        var typeField = new FieldDefinition("__type", type)
        {
            Description = "Request the type information of a single type.",
            Arguments = [new ArgumentDefinition("name", nonNullString)],
            Resolver = context => new ValueTask<object?>(context.TryGetArgument("name", out var name) && name is string n ? context.Schema.GetType(n) : null),
        };
        var typeNameField = new FieldDefinition("__typename", nonNullString)
        {
            Description = "The name of the current Object type at runtime.",
            Resolver = context => new ValueTask<object?>(context.ParentType.Name),
        };

        return new Types(schema, type, field, inputValue, enumValue, directive, typeKind, directiveLocation, schemaField, typeField, typeNameField);
    }

    private static TypeKind KindOf(GraphQLType type) => type switch
    {
        ScalarType => TypeKind.SCALAR,
        ObjectType => TypeKind.OBJECT,
        InterfaceType => TypeKind.INTERFACE,
        UnionType => TypeKind.UNION,
        EnumType => TypeKind.ENUM,
        InputObjectType => TypeKind.INPUT_OBJECT,
        ListType => TypeKind.LIST,
        _ => TypeKind.NON_NULL,
    };

    private sealed record Types(
        ObjectType Schema,
        ObjectType Type,
        ObjectType Field,
        ObjectType InputValue,
        ObjectType EnumValue,
        ObjectType Directive,
        EnumType TypeKind,
        EnumType DirectiveLocation,
        FieldDefinition SchemaField,
        FieldDefinition TypeField,
        FieldDefinition TypeNameField)
    {
        public IReadOnlyList<NamedType> List { get; } = [Schema, Directive, DirectiveLocation, Type, Field, InputValue, EnumValue, TypeKind];
    }
}
