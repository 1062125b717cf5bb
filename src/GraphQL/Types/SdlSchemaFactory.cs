using Voting.GraphQL.Errors;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>
/// Builds a schema from an SDL document (graphql-js's buildASTSchema): type definitions and their
/// extensions, the schema definition or the default root names, directive definitions (plus the
/// specified ones the document does not redefine), descriptions, deprecations, @specifiedBy and
/// @oneOf. Resolvers come from the bindings; unbound fields get the default resolver.
/// </summary>
internal sealed class SdlSchemaFactory
{
    private readonly Dictionary<string, TypeDefinitionNode> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TypeExtensionNode>> _extensions = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, NamedType> _types = new(StringComparer.Ordinal);
    private readonly List<GraphQLError> _errors = [];
    private readonly IReadOnlyDictionary<(string Type, string Field), FieldResolver> _resolvers;
    private readonly IReadOnlyDictionary<(string Type, string Field), FieldResolver> _subscribers;
    private readonly IReadOnlyDictionary<string, ScalarType> _scalars;

    private SdlSchemaFactory(
        IReadOnlyDictionary<(string Type, string Field), FieldResolver> resolvers,
        IReadOnlyDictionary<(string Type, string Field), FieldResolver> subscribers,
        IReadOnlyDictionary<string, ScalarType> scalars)
    {
        _resolvers = resolvers;
        _subscribers = subscribers;
        _scalars = scalars;
    }

    public static Schema Build(
        DocumentNode document,
        IReadOnlyDictionary<(string Type, string Field), FieldResolver> resolvers,
        IReadOnlyDictionary<(string Type, string Field), FieldResolver> subscribers,
        IReadOnlyDictionary<string, ScalarType> scalars) =>
        new SdlSchemaFactory(resolvers, subscribers, scalars).Build(document);

    private void Error(string message, params Node?[] nodes) =>
        _errors.Add(new GraphQLError(message, [.. nodes.Where(n => n?.Location is not null).Select(n => n!.Location!.Value.StartLocation)]));

    private Schema Build(DocumentNode document)
    {
        _errors.AddRange(SdlDocumentValidator.Validate(document));
        SchemaDefinitionNode? schemaDefinition = null;
        var schemaExtensions = new List<SchemaExtensionNode>();
        var directiveDefinitions = new List<DirectiveDefinitionNode>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case TypeDefinitionNode type:
                    _definitions.TryAdd(TypeName(type), type);
                    break;
                case TypeExtensionNode extension:
                    var extended = TypeName(extension);
                    if (!_extensions.TryGetValue(extended, out var list))
                    {
                        _extensions[extended] = list = [];
                    }

                    list.Add(extension);
                    break;
                case SchemaDefinitionNode schema:
                    schemaDefinition ??= schema;
                    break;
                case SchemaExtensionNode schemaExtension:
                    schemaExtensions.Add(schemaExtension);
                    break;
                case DirectiveDefinitionNode directive:
                    directiveDefinitions.Add(directive);
                    break;
                default:
                    Error("The schema document must contain only type system definitions.", definition);
                    break;
            }
        }

        if (_errors.Count > 0)
        {
            throw new SchemaValidationException(_errors);
        }


        foreach (var definition in _definitions.Values)
        {
            var type = BuildType(definition);
            _types.Add(type.Name, type);
        }

        var directives = directiveDefinitions.Select(BuildDirective).ToList();
        foreach (var specified in Directives.Specified)
        {
            if (directives.All(d => d.Name != specified.Name))
            {
                directives.Add(specified);
            }
        }

        var operationTypes = new[] { schemaDefinition?.OperationTypes ?? [] }
            .Concat(schemaExtensions.Select(e => e.OperationTypes))
            .SelectMany(o => o)
            .ToList();
        var errorsBeforeRoots = _errors.Count;
        var query = RootType(OperationType.Query, "Query", operationTypes, schemaDefinition is not null);
        var queryRootRejected = _errors.Count > errorsBeforeRoots;
        var config = new SchemaConfig
        {
            Query = query,
            QueryRootRejected = queryRootRejected,
            Mutation = RootType(OperationType.Mutation, "Mutation", operationTypes, schemaDefinition is not null),
            Subscription = RootType(OperationType.Subscription, "Subscription", operationTypes, schemaDefinition is not null),
            Types = [.. _types.Values],
            Directives = directives,
            Description = schemaDefinition?.Description?.Value,
            AstNode = schemaDefinition,
            ExtensionAstNodes = schemaExtensions,
        };
        return new Schema(config, _errors);
    }

    // Without a schema definition graphql-js takes the types named Query, Mutation and Subscription,
    // even over what a schema extension names; with one, only the named operation types count.
    private ObjectType? RootType(OperationType operation, string defaultName, List<OperationTypeDefinitionNode> operationTypes, bool hasSchemaDefinition)
    {
        var node = operationTypes.LastOrDefault(o => o.Operation == operation);
        var byDefaultName = hasSchemaDefinition ? null : GetNamedType(defaultName);
        var type = byDefaultName ?? (node is null ? null : GetNamedType(node.Type.Name.Value));
        if (byDefaultName is not null)
        {
            node = null;
        }

        if (type is null or ObjectType)
        {
            return (ObjectType?)type;
        }

        Error(
            operation == OperationType.Query
                ? $"Query root type must be Object type, it cannot be {type.Name}."
                : $"{operation} root type must be Object type if provided, it cannot be {type.Name}.",
            (Node?)node?.Type ?? type.AstNode);
        return null;
    }

    private NamedType? GetNamedType(string name) =>
        _types.GetValueOrDefault(name) ?? Scalars.FindSpecified(name);

    private GraphQLType ResolveType(TypeNode node) => node switch
    {
        NonNullTypeNode n => new NonNullType(ResolveType(n.Type)),
        ListTypeNode l => new ListType(ResolveType(l.Type)),
        NamedTypeNode named => GetNamedType(named.Name.Value) ?? throw new InvalidOperationException($"Unknown type: \"{named.Name.Value}\"."),
        _ => throw new ArgumentException($"Unexpected type node {node.Kind}.", nameof(node)),
    };

    private IReadOnlyList<TypeExtensionNode> ExtensionsOf(string name) =>
        _extensions.TryGetValue(name, out var list) ? list : [];

    private NamedType BuildType(TypeDefinitionNode definition)
    {
        var name = TypeName(definition);
        var extensions = ExtensionsOf(name);
        IReadOnlyList<DirectiveNode> directives = [.. DirectivesOf(definition), .. extensions.SelectMany(DirectivesOf)];
        switch (definition)
        {
            case ScalarTypeDefinitionNode scalar:
                var implementation = _scalars.GetValueOrDefault(name);
                var specifiedBy = SpecifiedByUrl(directives);
                return implementation is null
                    ? new ScalarType(name) { Description = scalar.Description?.Value, SpecifiedByUrl = specifiedBy, AppliedDirectives = directives, AstNode = definition, ExtensionAstNodes = extensions }
                    : new BoundScalarType(name, implementation) { Description = scalar.Description?.Value, SpecifiedByUrl = specifiedBy, AppliedDirectives = directives, AstNode = definition, ExtensionAstNodes = extensions };
            case ObjectTypeDefinitionNode obj:
                var objectFields = obj.Fields.Concat(extensions.Cast<ObjectTypeExtensionNode>().SelectMany(e => e.Fields)).ToList();
                var objectInterfaces = obj.Interfaces.Concat(extensions.Cast<ObjectTypeExtensionNode>().SelectMany(e => e.Interfaces)).ToList();
                return new ObjectType(name, () => BuildFields(name, objectFields), () => Declared(objectInterfaces).OfType<InterfaceType>())
                {
                    DeclaredInterfaces = () => Declared(objectInterfaces),
                    Description = obj.Description?.Value,
                    AppliedDirectives = directives,
                    AstNode = definition,
                    ExtensionAstNodes = extensions,
                };
            case InterfaceTypeDefinitionNode iface:
                var interfaceFields = iface.Fields.Concat(extensions.Cast<InterfaceTypeExtensionNode>().SelectMany(e => e.Fields)).ToList();
                var interfaceInterfaces = iface.Interfaces.Concat(extensions.Cast<InterfaceTypeExtensionNode>().SelectMany(e => e.Interfaces)).ToList();
                return new InterfaceType(name, () => BuildFields(name, interfaceFields), () => Declared(interfaceInterfaces).OfType<InterfaceType>())
                {
                    DeclaredInterfaces = () => Declared(interfaceInterfaces),
                    Description = iface.Description?.Value,
                    AppliedDirectives = directives,
                    AstNode = definition,
                    ExtensionAstNodes = extensions,
                };
            case UnionTypeDefinitionNode union:
                return new UnionType(
                    name,
                    () => union.Types.Concat(extensions.Cast<UnionTypeExtensionNode>().SelectMany(e => e.Types))
                        .Select(t => GetNamedType(t.Name.Value)).OfType<ObjectType>().ToList())
                {
                    DeclaredTypes = () => Declared(union.Types.Concat(extensions.Cast<UnionTypeExtensionNode>().SelectMany(e => e.Types))),
                    Description = union.Description?.Value,
                    AppliedDirectives = directives,
                    AstNode = definition,
                    ExtensionAstNodes = extensions,
                };
            case EnumTypeDefinitionNode enumType:
                return new EnumType(
                    name,
                    enumType.Values.Concat(extensions.Cast<EnumTypeExtensionNode>().SelectMany(e => e.Values)).Select(v => new EnumValueDefinition(v.Name.Value)
                    {
                        Description = v.Description?.Value,
                        DeprecationReason = DeprecationReason(v.Directives),
                        AppliedDirectives = v.Directives,
                        AstNode = v,
                    }))
                {
                    Description = enumType.Description?.Value,
                    AppliedDirectives = directives,
                    AstNode = definition,
                    ExtensionAstNodes = extensions,
                };
            case InputObjectTypeDefinitionNode input:
                return new InputObjectType(
                    name,
                    () => input.Fields.Concat(extensions.Cast<InputObjectTypeExtensionNode>().SelectMany(e => e.Fields)).Select(f => new InputFieldDefinition(f.Name.Value, ResolveType(f.Type))
                    {
                        Description = f.Description?.Value,
                        DefaultValue = f.DefaultValue,
                        DeprecationReason = DeprecationReason(f.Directives),
                        AppliedDirectives = f.Directives,
                        AstNode = f,
                    }).ToList())
                {
                    Description = input.Description?.Value,
                    IsOneOf = directives.Any(d => d.Name.Value == Directives.OneOf.Name),
                    AppliedDirectives = directives,
                    AstNode = definition,
                    ExtensionAstNodes = extensions,
                };
            default:
                throw new ArgumentException($"Unexpected definition {definition.Kind}.", nameof(definition));
        }
    }

    private List<FieldDefinition> BuildFields(string typeName, IEnumerable<FieldDefinitionNode> nodes) =>
        [.. nodes.Select(f => new FieldDefinition(f.Name.Value, ResolveType(f.Type))
        {
            Description = f.Description?.Value,
            Arguments = BuildArguments(f.Arguments),
            DeprecationReason = DeprecationReason(f.Directives),
            AppliedDirectives = f.Directives,
            AstNode = f,
            Resolver = _resolvers.GetValueOrDefault((typeName, f.Name.Value)) ?? DefaultFieldResolver.Instance,
            Subscriber = _subscribers.GetValueOrDefault((typeName, f.Name.Value)),
        })];

    private List<NamedType> Declared(IEnumerable<NamedTypeNode> nodes) =>
        [.. nodes.Select(n => GetNamedType(n.Name.Value)).OfType<NamedType>()];

    private List<ArgumentDefinition> BuildArguments(IEnumerable<InputValueDefinitionNode> nodes) =>
        [.. nodes.Select(a => new ArgumentDefinition(a.Name.Value, ResolveType(a.Type))
        {
            Description = a.Description?.Value,
            DefaultValue = a.DefaultValue,
            DeprecationReason = DeprecationReason(a.Directives),
            AppliedDirectives = a.Directives,
            AstNode = a,
        })];

    private DirectiveDefinition BuildDirective(DirectiveDefinitionNode node)
    {
        var locations = new List<DirectiveLocation>();
        foreach (var location in node.Locations)
        {
            if (Enum.TryParse<DirectiveLocation>(location.Value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed))
            {
                locations.Add(parsed);
            }
            else
            {
                Error($"Unexpected directive location \"{location.Value}\".", location);
            }
        }

        return new DirectiveDefinition(node.Name.Value, locations)
        {
            Description = node.Description?.Value,
            Arguments = BuildArguments(node.Arguments),
            IsRepeatable = node.Repeatable,
            AstNode = node,
        };
    }

    // Spec 3.13 @deprecated: the reason argument, or its default when it is left out.
    private static string? DeprecationReason(IReadOnlyList<DirectiveNode> directives)
    {
        var deprecated = directives.FirstOrDefault(d => d.Name.Value == Directives.Deprecated.Name);
        if (deprecated is null)
        {
            return null;
        }

        var reason = deprecated.Arguments.FirstOrDefault(a => a.Name.Value == "reason")?.Value;
        return reason is StringValueNode s ? s.Value : Directives.DefaultDeprecationReason;
    }

    private static string? SpecifiedByUrl(IReadOnlyList<DirectiveNode> directives) =>
        directives.FirstOrDefault(d => d.Name.Value == Directives.SpecifiedBy.Name)?
            .Arguments.FirstOrDefault(a => a.Name.Value == "url")?.Value is StringValueNode url ? url.Value : null;

    private static string TypeName(Node node) =>
        SdlDocumentValidator.NameOf(node)?.Value ?? throw new ArgumentException($"Unexpected node {node.Kind}.", nameof(node));

    private static IReadOnlyList<DirectiveNode> DirectivesOf(Node node) => SdlDocumentValidator.DirectivesOf(node);
}
