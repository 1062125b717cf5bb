namespace Voting.GraphQL.Types;

/// <summary>
/// What a <see cref="FieldConfigurationAttribute"/> may ask of the code-first schema being built: map
/// CLR types as fields and arguments map them, add named types (a connection, a filter input) once by
/// name, and define the directives it applies.
/// </summary>
public sealed class SchemaBuildContext
{
    private readonly ClrSchemaFactory _factory;

    internal SchemaBuildContext(ClrSchemaFactory factory) => _factory = factory;

    /// <summary>The output type of <paramref name="clrType"/>, wrapped in non-null unless <paramref name="nullable"/> (lists: non-null elements).</summary>
    public GraphQLType OutputType(Type clrType, bool nullable = false) => _factory.MapClrType(clrType, nullable, input: false);

    /// <summary>The input type of <paramref name="clrType"/>, wrapped in non-null unless <paramref name="nullable"/> (lists: non-null elements).</summary>
    public GraphQLType InputType(Type clrType, bool nullable = false) => _factory.MapClrType(clrType, nullable, input: true);

    /// <summary>The scalar a CLR type (or its nullable form) maps to, or null when it maps to an object, enum or list.</summary>
    public ScalarType? FindScalar(Type clrType)
    {
        ArgumentNullException.ThrowIfNull(clrType);
        return _factory.FindScalar(Nullable.GetUnderlyingType(clrType) ?? clrType);
    }

    /// <summary>The named type called <paramref name="name"/>: the one already in the schema, or the one <paramref name="create"/> makes, which is then added.</summary>
    /// <exception cref="SchemaValidationException">A type of another kind already has the name.</exception>
    public T GetOrAddType<T>(string name, Func<T> create)
        where T : NamedType
    {
        ArgumentNullException.ThrowIfNull(create);
        return _factory.GetOrAddType(name, create);
    }

    /// <summary>Defines <paramref name="directive"/> in the schema (once; a second definition of the same name must be the same instance).</summary>
    public void AddDirective(DirectiveDefinition directive)
    {
        ArgumentNullException.ThrowIfNull(directive);
        _factory.AddDirective(directive);
    }
}
