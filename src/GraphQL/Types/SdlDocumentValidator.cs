using Voting.GraphQL.Errors;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>
/// The checks graphql-js runs on an SDL document before building a schema from it (its
/// specifiedSDLRules, with their messages, in its document-order traversal): one schema definition,
/// unique operation types, type names, enum values, fields, arguments and directive names, known
/// types and directives, directives in allowed locations and not repeated unless repeatable, type
/// extensions that match the extended type, known, unique and required directive arguments.
/// Suggestions ("Did you mean ...?") are left out.
/// </summary>
/// <remarks>
/// These rules live in graphql-js's validation module; here they sit beside the builder because the
/// type system may not depend on validation (Language &lt;- Types &lt;- Validation).
/// </remarks>
internal sealed class SdlDocumentValidator
{
    private readonly List<GraphQLError> _errors = [];
    private readonly Dictionary<string, TypeDefinitionNode> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectiveShape> _directives = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seenTypeNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seenDirectiveNames = new(StringComparer.Ordinal);
    private readonly Dictionary<OperationType, OperationTypeDefinitionNode> _operationTypes = [];
    private readonly Dictionary<string, HashSet<string>> _fieldNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _enumValueNames = new(StringComparer.Ordinal);
    private bool _seenSchemaDefinition;

    private SdlDocumentValidator(DocumentNode document)
    {
        foreach (var directive in Directives.Specified)
        {
            _directives[directive.Name] = new DirectiveShape(directive.Locations, directive.IsRepeatable, directive.Arguments.ToDictionary(a => a.Name, a => (a.Type.ToString(), a.IsRequired)));
        }

        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case TypeDefinitionNode type:
                    _types.TryAdd(NameOf(type)!.Value, type);
                    break;
                case DirectiveDefinitionNode directive:
                    _directives[directive.Name.Value] = new DirectiveShape(
                        [.. directive.Locations.Select(l => Enum.TryParse<DirectiveLocation>(l.Value, out var parsed) ? parsed : (DirectiveLocation)(-1))],
                        directive.Repeatable,
                        directive.Arguments.GroupBy(a => a.Name.Value).ToDictionary(g => g.Key, g => (PrintType(g.First().Type), g.First().Type is NonNullTypeNode && g.First().DefaultValue is null)));
                    break;
            }
        }
    }

    public static IReadOnlyList<GraphQLError> Validate(DocumentNode document)
    {
        var validator = new SdlDocumentValidator(document);
        foreach (var definition in document.Definitions)
        {
            validator.Visit(definition);
        }

        return validator._errors;
    }

    private void Error(string message, params Node?[] nodes) =>
        _errors.Add(new GraphQLError(message, [.. nodes.Where(n => n?.Location is not null).Select(n => n!.Location!.Value.StartLocation)]));

    private void Visit(DefinitionNode definition)
    {
        switch (definition)
        {
            case SchemaDefinitionNode schema:
                if (_seenSchemaDefinition)
                {
                    Error("Must provide only one schema definition.", schema);
                }

                _seenSchemaDefinition = true;
                CheckOperationTypes(schema.OperationTypes);
                CheckDirectives(schema.Directives, DirectiveLocation.SCHEMA);
                foreach (var operation in schema.OperationTypes)
                {
                    CheckTypeName(operation.Type);
                }

                break;
            case SchemaExtensionNode extension:
                CheckOperationTypes(extension.OperationTypes);
                CheckDirectives(extension.Directives, DirectiveLocation.SCHEMA);
                foreach (var operation in extension.OperationTypes)
                {
                    CheckTypeName(operation.Type);
                }

                break;
            case DirectiveDefinitionNode directive:
                CheckArgumentDefinitions("@" + directive.Name.Value, directive.Arguments);
                if (!_seenDirectiveNames.Add(directive.Name.Value))
                {
                    Error($"There can be only one directive named \"@{directive.Name.Value}\".", directive.Name);
                }

                VisitInputValues(directive.Arguments, DirectiveLocation.ARGUMENT_DEFINITION);
                break;
            case TypeDefinitionNode or TypeExtensionNode:
                VisitType(definition);
                break;
        }
    }

    private void VisitType(DefinitionNode node)
    {
        var name = NameOf(node)!;
        if (node is TypeDefinitionNode && !_seenTypeNames.Add(name.Value))
        {
            Error($"There can be only one type named \"{name.Value}\".", name);
        }

        if (EnumValuesOf(node) is { } values)
        {
            var seen = Names(_enumValueNames, name.Value);
            foreach (var value in values.Where(v => !seen.Add(v.Name.Value)))
            {
                Error($"Enum value \"{name.Value}.{value.Name.Value}\" can only be defined once.", value.Name);
            }
        }

        var fieldNames = FieldNamesOf(node).ToList();
        if (fieldNames.Count > 0)
        {
            var seen = Names(_fieldNames, name.Value);
            foreach (var field in fieldNames.Where(f => !seen.Add(f.Value)))
            {
                Error($"Field \"{name.Value}.{field.Value}\" can only be defined once.", field);
            }
        }

        CheckDirectiveRepetition(DirectivesOf(node));
        if (node is TypeExtensionNode extension)
        {
            CheckExtension(name, extension);
        }

        foreach (var iface in InterfacesOf(node))
        {
            CheckTypeName(iface);
        }

        CheckDirectiveUses(DirectivesOf(node), LocationOf(node));
        switch (node)
        {
            case ObjectTypeDefinitionNode or ObjectTypeExtensionNode or InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode:
                foreach (var field in FieldsOf(node))
                {
                    CheckArgumentDefinitions($"{name.Value}.{field.Name.Value}", field.Arguments);
                    CheckDirectiveRepetition(field.Directives);
                    VisitInputValues(field.Arguments, DirectiveLocation.ARGUMENT_DEFINITION);
                    CheckTypeName(field.Type);
                    CheckDirectiveUses(field.Directives, DirectiveLocation.FIELD_DEFINITION);
                }

                break;
            case UnionTypeDefinitionNode union:
                union.Types.ToList().ForEach(CheckTypeName);
                break;
            case UnionTypeExtensionNode union:
                union.Types.ToList().ForEach(CheckTypeName);
                break;
            case InputObjectTypeDefinitionNode input:
                VisitInputValues(input.Fields, DirectiveLocation.INPUT_FIELD_DEFINITION);
                break;
            case InputObjectTypeExtensionNode input:
                VisitInputValues(input.Fields, DirectiveLocation.INPUT_FIELD_DEFINITION);
                break;
            default:
                foreach (var value in EnumValuesOf(node) ?? [])
                {
                    CheckDirectives(value.Directives, DirectiveLocation.ENUM_VALUE);
                }

                break;
        }

    }

    private void VisitInputValues(IReadOnlyList<InputValueDefinitionNode> values, DirectiveLocation location)
    {
        foreach (var value in values)
        {
            CheckDirectiveRepetition(value.Directives);
            CheckTypeName(value.Type);
            CheckDirectiveUses(value.Directives, location);
        }
    }

    private void CheckOperationTypes(IReadOnlyList<OperationTypeDefinitionNode> operationTypes)
    {
        foreach (var operation in operationTypes)
        {
            if (!_operationTypes.TryAdd(operation.Operation, operation))
            {
                Error($"There can be only one {operation.Operation.ToString().ToLowerInvariant()} type in schema.", _operationTypes[operation.Operation], operation);
            }
        }
    }

    private void CheckArgumentDefinitions(string parent, IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        foreach (var group in arguments.GroupBy(a => a.Name.Value).Where(g => g.Count() > 1))
        {
            Error($"Argument \"{parent}({group.Key}:)\" can only be defined once.", [.. group.Select(a => a.Name)]);
        }
    }

    private void CheckTypeName(TypeNode type)
    {
        while (type is not NamedTypeNode)
        {
            type = type is ListTypeNode list ? list.Type : ((NonNullTypeNode)type).Type;
        }

        var named = (NamedTypeNode)type;
        if (!_types.ContainsKey(named.Name.Value) && Scalars.FindSpecified(named.Name.Value) is null)
        {
            // SDL may name the standard types without defining them; suggestions include them.
            var suggestions = Suggestions.List(named.Name.Value, Suggestions.StandardTypeNames.Concat(_types.Keys).Distinct());
            Error($"Unknown type \"{named.Name.Value}\"." + Suggestions.DidYouMean(suggestions), named);
        }
    }

    // graphql-js checks repetition when it enters the node carrying the directives, and each
    // directive (name, location, arguments) when it reaches it among the node's children.
    private void CheckDirectives(IReadOnlyList<DirectiveNode> directives, DirectiveLocation location)
    {
        CheckDirectiveRepetition(directives);
        CheckDirectiveUses(directives, location);
    }

    private void CheckDirectiveRepetition(IReadOnlyList<DirectiveNode> directives)
    {
        var seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (_directives.TryGetValue(name, out var shape) && !shape.IsRepeatable && !seen.TryAdd(name, directive))
            {
                Error($"The directive \"@{name}\" can only be used once at this location.", seen[name], directive);
            }
        }
    }

    private void CheckDirectiveUses(IReadOnlyList<DirectiveNode> directives, DirectiveLocation location)
    {
        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (!_directives.TryGetValue(name, out var shape))
            {
                Error($"Unknown directive \"@{name}\".", directive);
                continue;
            }

            if (!shape.Locations.Contains(location))
            {
                Error($"Directive \"@{name}\" may not be used on {location}.", directive);
            }

            foreach (var argument in directive.Arguments.Where(a => !shape.Arguments.ContainsKey(a.Name.Value)))
            {
                Error($"Unknown argument \"{argument.Name.Value}\" on directive \"@{name}\"." + Suggestions.DidYouMean(Suggestions.List(argument.Name.Value, shape.Arguments.Keys)), argument);
            }

            foreach (var group in directive.Arguments.GroupBy(a => a.Name.Value).Where(g => g.Count() > 1))
            {
                Error($"There can be only one argument named \"{group.Key}\".", [.. group.Select(a => a.Name)]);
            }

            foreach (var (argumentName, (typeText, required)) in shape.Arguments)
            {
                if (required && directive.Arguments.All(a => a.Name.Value != argumentName))
                {
                    Error($"Argument \"@{name}({argumentName}:)\" of type \"{typeText}\" is required, but it was not provided.", directive);
                }
            }
        }
    }

    private void CheckExtension(NameNode name, TypeExtensionNode extension)
    {
        if (!_types.TryGetValue(name.Value, out var definition))
        {
            Error($"Cannot extend type \"{name.Value}\" because it is not defined." + Suggestions.DidYouMean(Suggestions.List(name.Value, _types.Keys)), name);
            return;
        }

        var expected = KindOf(extension);
        if (KindOf(definition) != expected)
        {
            Error($"Cannot extend non-{expected} type \"{name.Value}\".", definition, extension);
        }
    }

    private static HashSet<string> Names(Dictionary<string, HashSet<string>> map, string typeName)
    {
        if (!map.TryGetValue(typeName, out var set))
        {
            map[typeName] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        return set;
    }

    private static string KindOf(Node node) => node switch
    {
        ScalarTypeDefinitionNode or ScalarTypeExtensionNode => "scalar",
        ObjectTypeDefinitionNode or ObjectTypeExtensionNode => "object",
        InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => "interface",
        UnionTypeDefinitionNode or UnionTypeExtensionNode => "union",
        EnumTypeDefinitionNode or EnumTypeExtensionNode => "enum",
        _ => "input object",
    };

    private static DirectiveLocation LocationOf(Node node) => node switch
    {
        ScalarTypeDefinitionNode or ScalarTypeExtensionNode => DirectiveLocation.SCALAR,
        ObjectTypeDefinitionNode or ObjectTypeExtensionNode => DirectiveLocation.OBJECT,
        InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => DirectiveLocation.INTERFACE,
        UnionTypeDefinitionNode or UnionTypeExtensionNode => DirectiveLocation.UNION,
        EnumTypeDefinitionNode or EnumTypeExtensionNode => DirectiveLocation.ENUM,
        _ => DirectiveLocation.INPUT_OBJECT,
    };

    internal static NameNode? NameOf(Node node) => node switch
    {
        ScalarTypeDefinitionNode n => n.Name,
        ObjectTypeDefinitionNode n => n.Name,
        InterfaceTypeDefinitionNode n => n.Name,
        UnionTypeDefinitionNode n => n.Name,
        EnumTypeDefinitionNode n => n.Name,
        InputObjectTypeDefinitionNode n => n.Name,
        ScalarTypeExtensionNode n => n.Name,
        ObjectTypeExtensionNode n => n.Name,
        InterfaceTypeExtensionNode n => n.Name,
        UnionTypeExtensionNode n => n.Name,
        EnumTypeExtensionNode n => n.Name,
        InputObjectTypeExtensionNode n => n.Name,
        _ => null,
    };

    internal static IReadOnlyList<DirectiveNode> DirectivesOf(Node node) => node switch
    {
        ScalarTypeDefinitionNode n => n.Directives,
        ObjectTypeDefinitionNode n => n.Directives,
        InterfaceTypeDefinitionNode n => n.Directives,
        UnionTypeDefinitionNode n => n.Directives,
        EnumTypeDefinitionNode n => n.Directives,
        InputObjectTypeDefinitionNode n => n.Directives,
        ScalarTypeExtensionNode n => n.Directives,
        ObjectTypeExtensionNode n => n.Directives,
        InterfaceTypeExtensionNode n => n.Directives,
        UnionTypeExtensionNode n => n.Directives,
        EnumTypeExtensionNode n => n.Directives,
        InputObjectTypeExtensionNode n => n.Directives,
        _ => [],
    };

    private static IReadOnlyList<NamedTypeNode> InterfacesOf(Node node) => node switch
    {
        ObjectTypeDefinitionNode n => n.Interfaces,
        ObjectTypeExtensionNode n => n.Interfaces,
        InterfaceTypeDefinitionNode n => n.Interfaces,
        InterfaceTypeExtensionNode n => n.Interfaces,
        _ => [],
    };

    private static IReadOnlyList<FieldDefinitionNode> FieldsOf(Node node) => node switch
    {
        ObjectTypeDefinitionNode n => n.Fields,
        ObjectTypeExtensionNode n => n.Fields,
        InterfaceTypeDefinitionNode n => n.Fields,
        InterfaceTypeExtensionNode n => n.Fields,
        _ => [],
    };

    private static IEnumerable<NameNode> FieldNamesOf(Node node) => node switch
    {
        InputObjectTypeDefinitionNode n => n.Fields.Select(f => f.Name),
        InputObjectTypeExtensionNode n => n.Fields.Select(f => f.Name),
        _ => FieldsOf(node).Select(f => f.Name),
    };

    private static IReadOnlyList<EnumValueDefinitionNode>? EnumValuesOf(Node node) => node switch
    {
        EnumTypeDefinitionNode n => n.Values,
        EnumTypeExtensionNode n => n.Values,
        _ => null,
    };

    private static string PrintType(TypeNode type) => type switch
    {
        NonNullTypeNode n => PrintType(n.Type) + "!",
        ListTypeNode l => "[" + PrintType(l.Type) + "]",
        _ => ((NamedTypeNode)type).Name.Value,
    };

    private sealed record DirectiveShape(IReadOnlyList<DirectiveLocation> Locations, bool IsRepeatable, Dictionary<string, (string Type, bool Required)> Arguments);
}
