using Voting.GraphQL.Errors;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>
/// A validated, immutable GraphQL schema (spec 3.3). Everything validation and execution ask of it
/// (types by name, possible types, sub-type checks) is computed here once and answered in O(1).
/// </summary>
public sealed class Schema
{
    private readonly OrderedDictionary<string, NamedType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectiveDefinition> _directivesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<NamedType, IReadOnlyList<ObjectType>> _possibleTypes = [];
    private readonly Dictionary<NamedType, HashSet<NamedType>> _subTypes = [];
    private readonly Dictionary<InterfaceType, InterfaceImplementations> _implementations = [];

    /// <summary>Builds and validates the schema.</summary>
    /// <exception cref="SchemaValidationException">The schema breaks a rule of spec section 3; every error is listed.</exception>
    public Schema(SchemaConfig config)
        : this(config, [])
    {
    }

    /// <param name="config">What the schema is made of.</param>
    /// <param name="buildErrors">Errors the builder found that the type model cannot hold (e.g. a union member that is not an object type).</param>
    internal Schema(SchemaConfig config, IReadOnlyList<GraphQLError> buildErrors)
    {
        ArgumentNullException.ThrowIfNull(config);
        QueryType = config.Query;
        MutationType = config.Mutation;
        SubscriptionType = config.Subscription;
        Description = config.Description;
        AstNode = config.AstNode;
        ExtensionAstNodes = config.ExtensionAstNodes;
        Directives = config.Directives ?? global::Voting.GraphQL.Types.Directives.Specified;
        foreach (var directive in Directives)
        {
            _directivesByName.TryAdd(directive.Name, directive);
        }

        var errors = new List<GraphQLError>(buildErrors);
        CollectTypes(config, errors);
        IndexAbstractTypes();
        errors.AddRange(SchemaValidator.Validate(this, config.QueryRootRejected));
        if (errors.Count > 0)
        {
            throw new SchemaValidationException(errors);
        }
    }

    public ObjectType? QueryType { get; }

    public ObjectType? MutationType { get; }

    public ObjectType? SubscriptionType { get; }

    public string? Description { get; }

    public SchemaDefinitionNode? AstNode { get; }

    public IReadOnlyList<SchemaExtensionNode> ExtensionAstNodes { get; }

    /// <summary>Every named type, in the order graphql-js's type map has them (the printing order).</summary>
    public IReadOnlyDictionary<string, NamedType> Types => _types;

    public IReadOnlyList<DirectiveDefinition> Directives { get; }

    public ObjectType? GetRootType(OperationType operation) => operation switch
    {
        OperationType.Query => QueryType,
        OperationType.Mutation => MutationType,
        OperationType.Subscription => SubscriptionType,
        _ => null,
    };

    public NamedType? GetType(string name) => _types.GetValueOrDefault(name);

    public DirectiveDefinition? GetDirective(string name) => _directivesByName.GetValueOrDefault(name);

    /// <summary>
    /// The definition of a field selected on <paramref name="parentType"/>, including the meta-fields
    /// (graphql-js's getFieldDef): <c>__schema</c> and <c>__type</c> on the query root, <c>__typename</c>
    /// on every object, interface and union type. Null if there is no such field.
    /// </summary>
    public FieldDefinition? GetFieldDefinition(NamedType parentType, string fieldName)
    {
        ArgumentNullException.ThrowIfNull(parentType);
        ArgumentNullException.ThrowIfNull(fieldName);
        return fieldName switch
        {
            "__typename" when parentType is ComplexType or UnionType => Introspection.TypeNameField,
            "__schema" when ReferenceEquals(parentType, QueryType) => Introspection.SchemaField,
            "__type" when ReferenceEquals(parentType, QueryType) => Introspection.TypeField,
            _ => (parentType as ComplexType)?.GetField(fieldName),
        };
    }

    /// <summary>The object types a value of an abstract type can be: a union's members, an interface's implementations.</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType abstractType)
    {
        ArgumentNullException.ThrowIfNull(abstractType);
        return _possibleTypes.GetValueOrDefault(abstractType) ?? [];
    }

    public InterfaceImplementations GetImplementations(InterfaceType interfaceType)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        return _implementations.GetValueOrDefault(interfaceType) ?? new InterfaceImplementations([], []);
    }

    /// <summary>Whether <paramref name="maybeSubType"/> is a member of the union or implements the interface.</summary>
    public bool IsSubType(NamedType abstractType, NamedType maybeSubType)
    {
        ArgumentNullException.ThrowIfNull(abstractType);
        ArgumentNullException.ThrowIfNull(maybeSubType);
        return _subTypes.TryGetValue(abstractType, out var subTypes) && subTypes.Contains(maybeSubType);
    }

    // graphql-js's order: the given types in their order, each followed by the types first reached
    // from it, then what the root types and directive arguments reach. Given types wait for their turn
    // rather than being pulled forward by a reference, so the printed SDL keeps the source order.
    private void CollectTypes(SchemaConfig config, List<GraphQLError> errors)
    {
        var pending = new HashSet<NamedType>(config.Types);
        foreach (var type in config.Types)
        {
            pending.Remove(type);
            Collect(type, pending, errors);
        }

        foreach (var root in new[] { config.Query, config.Mutation, config.Subscription })
        {
            if (root is not null)
            {
                Collect(root, pending, errors);
            }
        }

        foreach (var directive in Directives)
        {
            foreach (var argument in directive.Arguments)
            {
                Collect(argument.Type.GetNamedType(), pending, errors);
            }
        }

        // Every schema answers introspection (spec 4), so it holds those types, and with them
        // String and Boolean.
        Collect(Introspection.SchemaType, pending, errors);
    }

    private void Collect(NamedType type, HashSet<NamedType> pending, List<GraphQLError> errors)
    {
        if (pending.Contains(type))
        {
            return;
        }

        if (_types.TryGetValue(type.Name, out var existing))
        {
            if (!ReferenceEquals(existing, type))
            {
                errors.Add(new GraphQLError($"Schema must contain uniquely named types but contains multiple types named \"{type.Name}\"."));
            }

            return;
        }

        _types.Add(type.Name, type);
        type.Complete();
        switch (type)
        {
            case UnionType union:
                foreach (var member in union.Types)
                {
                    Collect(member, pending, errors);
                }

                break;
            case ComplexType complex:
                foreach (var iface in complex.Interfaces)
                {
                    Collect(iface, pending, errors);
                }

                foreach (var field in complex.Fields.Values)
                {
                    Collect(field.Type.GetNamedType(), pending, errors);
                    foreach (var argument in field.Arguments)
                    {
                        Collect(argument.Type.GetNamedType(), pending, errors);
                    }
                }

                break;
            case InputObjectType input:
                foreach (var field in input.Fields.Values)
                {
                    Collect(field.Type.GetNamedType(), pending, errors);
                }

                break;
        }
    }

    private void IndexAbstractTypes()
    {
        var objects = new Dictionary<InterfaceType, List<ObjectType>>();
        var interfaces = new Dictionary<InterfaceType, List<InterfaceType>>();
        foreach (var type in _types.Values)
        {
            switch (type)
            {
                case UnionType union:
                    _possibleTypes[union] = union.Types;
                    _subTypes[union] = [.. union.Types];
                    break;
                case ObjectType obj:
                    foreach (var iface in obj.Interfaces)
                    {
                        Add(objects, iface, obj);
                    }

                    break;
                case InterfaceType implementer:
                    foreach (var iface in implementer.Interfaces)
                    {
                        Add(interfaces, iface, implementer);
                    }

                    break;
            }
        }

        foreach (var iface in _types.Values.OfType<InterfaceType>())
        {
            IReadOnlyList<ObjectType> objectList = objects.TryGetValue(iface, out var o) ? o : [];
            IReadOnlyList<InterfaceType> interfaceList = interfaces.TryGetValue(iface, out var i) ? i : [];
            _implementations[iface] = new InterfaceImplementations(objectList, interfaceList);
            _possibleTypes[iface] = objectList;
            _subTypes[iface] = [.. objectList, .. interfaceList];
        }

        static void Add<T>(Dictionary<InterfaceType, List<T>> map, InterfaceType key, T value)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }

            list.Add(value);
        }
    }
}
