using Voting.GraphQL.Language;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>
/// Builds a <see cref="Schema"/> either from SDL (<see cref="FromSdl"/>) with resolvers bound
/// by type and field name, or code-first from C# types (<see cref="New"/> then
/// <see cref="AddQueryType{T}"/> and friends), as HotChocolate users know it.
/// </summary>
public sealed class SchemaBuilder
{
    private readonly DocumentNode? _document;
    private readonly Dictionary<(string Type, string Field), FieldResolver> _resolvers = [];
    private readonly Dictionary<(string Type, string Field), FieldResolver> _subscribers = [];
    private readonly Dictionary<string, ScalarType> _scalars = new(StringComparer.Ordinal);
    private readonly List<Type> _clrTypes = [];
    private readonly List<NamedType> _types = [];
    private readonly List<DirectiveDefinition> _directives = [];
    private Type? _query;
    private Type? _mutation;
    private Type? _subscription;

    private SchemaBuilder(DocumentNode? document)
    {
        _document = document;
        foreach (var scalar in Scalars.Extended)
        {
            _scalars[scalar.Name] = scalar;
        }
    }

    /// <summary>Starts a code-first schema.</summary>
    public static SchemaBuilder New() => new(null);

    /// <summary>Starts a schema from SDL (graphql-js's buildSchema).</summary>
    /// <exception cref="GraphQLSyntaxException">The SDL does not parse.</exception>
    public static SchemaBuilder FromSdl(string sdl)
    {
        ArgumentNullException.ThrowIfNull(sdl);
        return new SchemaBuilder(Parser.Parse(sdl));
    }

    /// <summary>Starts a schema from a parsed SDL document (graphql-js's buildASTSchema).</summary>
    public static SchemaBuilder FromDocument(DocumentNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new SchemaBuilder(document);
    }

    /// <summary>Sets the resolver of <c>typeName.fieldName</c> in an SDL schema.</summary>
    public SchemaBuilder BindResolver(string typeName, string fieldName, FieldResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _resolvers[(typeName, fieldName)] = resolver;
        return this;
    }

    /// <summary>Binds a map of type name to field name to resolver, as graphql-tools' resolver maps.</summary>
    public SchemaBuilder BindResolvers(IReadOnlyDictionary<string, IReadOnlyDictionary<string, FieldResolver>> resolvers)
    {
        ArgumentNullException.ThrowIfNull(resolvers);
        foreach (var (typeName, fields) in resolvers)
        {
            foreach (var (fieldName, resolver) in fields)
            {
                BindResolver(typeName, fieldName, resolver);
            }
        }

        return this;
    }

    /// <summary>Sets the event stream source of a subscription field in an SDL schema.</summary>
    public SchemaBuilder BindSubscriber(string typeName, string fieldName, FieldResolver subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        _subscribers[(typeName, fieldName)] = subscriber;
        return this;
    }

    /// <summary>Supplies the coercion of a custom scalar: SDL declarations of that name use it, and so does code-first mapping of its runtime type.</summary>
    public SchemaBuilder AddScalar(ScalarType scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        _scalars[scalar.Name] = scalar;
        return this;
    }

    /// <summary>Adds a custom directive definition (code-first; SDL documents define their own).</summary>
    public SchemaBuilder AddDirective(DirectiveDefinition directive)
    {
        ArgumentNullException.ThrowIfNull(directive);
        _directives.Add(directive);
        return this;
    }

    public SchemaBuilder AddQueryType<T>() => SetRoot(ref _query, typeof(T));

    public SchemaBuilder AddMutationType<T>() => SetRoot(ref _mutation, typeof(T));

    public SchemaBuilder AddSubscriptionType<T>() => SetRoot(ref _subscription, typeof(T));

    /// <summary>Adds a C# type that nothing else reaches, e.g. an implementation of an interface.</summary>
    public SchemaBuilder AddType<T>()
    {
        EnsureCodeFirst();
        _clrTypes.Add(typeof(T));
        return this;
    }

    /// <summary>Adds a type built by hand (code-first).</summary>
    public SchemaBuilder AddType(NamedType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        EnsureCodeFirst();
        _types.Add(type);
        return this;
    }

    /// <exception cref="SchemaValidationException">The schema breaks a rule of spec section 3.</exception>
    public Schema Create() => _document is not null
        ? SdlSchemaFactory.Build(_document, _resolvers, _subscribers, _scalars)
        : ClrSchemaFactory.Build(new ClrSchemaFactory.Options(_query, _mutation, _subscription, _clrTypes, _types, _directives, _scalars));

    private SchemaBuilder SetRoot(ref Type? slot, Type type)
    {
        EnsureCodeFirst();
        slot = type;
        return this;
    }

    private void EnsureCodeFirst()
    {
        if (_document is not null)
        {
            throw new InvalidOperationException("A schema built from SDL takes its types from the document; bind resolvers instead.");
        }
    }
}
