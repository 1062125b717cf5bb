using Voting.GraphQL.Errors;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>
/// The "Type Validation" rules of spec section 3 (graphql-js's validateSchema, with its messages):
/// root operation types, directive definitions, names, fields and arguments, interface
/// implementation (3.6.1 IsValidImplementation), union members, enum values, input objects and
/// their non-null cycles (3.10.1), OneOf input objects.
/// </summary>
internal sealed class SchemaValidator
{
    private readonly Schema _schema;
    private readonly List<GraphQLError> _errors = [];

    private SchemaValidator(Schema schema)
    {
        _schema = schema;
    }

    public static IReadOnlyList<GraphQLError> Validate(Schema schema, bool queryRootRejected = false)
    {
        var validator = new SchemaValidator(schema);
        validator.ValidateRootTypes(queryRootRejected);
        validator.ValidateDirectives();
        validator.ValidateTypes();
        return validator._errors;
    }

    private void Report(string message, params Node?[] nodes)
    {
        var locations = nodes
            .Where(n => n?.Location is not null)
            .Select(n => n!.Location!.Value.StartLocation)
            .ToList();
        _errors.Add(new GraphQLError(message, locations));
    }

    private void ValidateRootTypes(bool queryRootRejected)
    {
        if (_schema.QueryType is null && !queryRootRejected)
        {
            Report("Query root type must be provided.", _schema.AstNode);
        }

        (string Operation, ObjectType? Type)[] roots =
        [
            ("query", _schema.QueryType),
            ("mutation", _schema.MutationType),
            ("subscription", _schema.SubscriptionType),
        ];
        foreach (var group in roots.Where(r => r.Type is not null).GroupBy(r => r.Type!))
        {
            var operations = group.Select(r => r.Operation).ToList();
            if (operations.Count > 1)
            {
                Report($"All root types must be different, \"{group.Key.Name}\" type is used as {Suggestions.AndList(operations)} root types.");
            }
        }
    }

    private void ValidateDirectives()
    {
        foreach (var directive in _schema.Directives)
        {
            ValidateName(directive.Name, directive.AstNode);
            if (directive.Locations.Count == 0)
            {
                Report($"Directive @{directive.Name} must include 1 or more locations.", directive.AstNode);
            }

            foreach (var argument in directive.Arguments)
            {
                ValidateName(argument.Name, argument.AstNode);
                var coordinate = $"@{directive.Name}({argument.Name}:)";
                if (!argument.Type.IsInputType())
                {
                    Report($"The type of {coordinate} must be Input Type but got: {argument.Type}.", argument.AstNode);
                }

                if (argument.IsRequired && argument.DeprecationReason is not null)
                {
                    Report($"Required argument {coordinate} cannot be deprecated.", DeprecatedDirective(argument.AstNode?.Directives), argument.AstNode?.Type);
                }

                ValidateDefaultValue(coordinate, argument);
            }
        }
    }

    // A default must itself be a valid value of the type (spec 3.6 and 3.10: "a default value ...
    // must be compatible with the input type").
    private void ValidateDefaultValue(string coordinate, InputValueDefinition value)
    {
        if (value.DefaultValue is not { } defaultValue)
        {
            return;
        }

        foreach (var problem in InputLiteralValidator.Validate(defaultValue, value.Type))
        {
            Report($"{coordinate} has invalid default value{problem.PrintPath()}: {problem.Message}", problem.Node);
        }
    }

    private void ValidateTypes()
    {
        var inputObjects = new List<InputObjectType>();
        var defaultValueCycles = new DefaultValueCycleDetector(this);
        foreach (var type in _schema.Types.Values)
        {
            if (Introspection.IsIntrospectionType(type))
            {
                // Their names start with "__" by design, and they are known to be valid.
                continue;
            }

            ValidateName(type.Name, type.AstNode);
            switch (type)
            {
                case ComplexType complex:
                    ValidateFields(complex);
                    ValidateInterfaces(complex);
                    break;
                case UnionType union:
                    ValidateUnionMembers(union);
                    break;
                case EnumType enumType:
                    ValidateEnumValues(enumType);
                    break;
                case InputObjectType input:
                    ValidateInputFields(input);
                    inputObjects.Add(input);
                    defaultValueCycles.Detect(input);
                    break;
            }
        }

        new FiniteValueDetector(this, inputObjects).Detect();
    }

    private void ValidateName(string name, Node? node)
    {
        if (name.Length == 0)
        {
            Report("Expected name to be a non-empty string.", node);
            return;
        }

        if (!(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            Report($"Names must start with [_a-zA-Z] but \"{name}\" does not.", node);
        }
        else if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            Report($"Names must only contain [_a-zA-Z0-9] but \"{name}\" does not.", node);
        }

        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            Report($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.", node);
        }
    }

    private void ValidateFields(ComplexType type)
    {
        if (type.Fields.Count == 0)
        {
            Report($"Type {type.Name} must define one or more fields.", [type.AstNode, .. type.ExtensionAstNodes]);
        }

        foreach (var field in type.Fields.Values)
        {
            ValidateName(field.Name, field.AstNode);
            if (!field.Type.IsOutputType())
            {
                Report($"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.", field.AstNode?.Type);
            }

            foreach (var argument in field.Arguments)
            {
                ValidateName(argument.Name, argument.AstNode);
                var coordinate = $"{type.Name}.{field.Name}({argument.Name}:)";
                if (!argument.Type.IsInputType())
                {
                    Report($"The type of {coordinate} must be Input Type but got: {argument.Type}.", argument.AstNode?.Type);
                }

                if (argument.IsRequired && argument.DeprecationReason is not null)
                {
                    Report($"Required argument {coordinate} cannot be deprecated.", DeprecatedDirective(argument.AstNode?.Directives), argument.AstNode?.Type);
                }

                ValidateDefaultValue(coordinate, argument);
            }
        }
    }

    private void ValidateInterfaces(ComplexType type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var declared in type.DeclaredInterfaces?.Invoke() ?? type.Interfaces)
        {
            if (declared is not InterfaceType iface)
            {
                Report($"Type {type.Name} must only implement Interface types, it cannot implement {declared.Name}.", ImplementsNodes(type, declared.Name));
                continue;
            }

            if (ReferenceEquals(type, iface))
            {
                Report($"Type {type.Name} cannot implement itself because it would create a circular reference.", ImplementsNodes(type, iface.Name));
                continue;
            }

            if (!seen.Add(iface.Name))
            {
                Report($"Type {type.Name} can only implement {iface.Name} once.", ImplementsNodes(type, iface.Name));
                continue;
            }

            ValidateTypeImplementsAncestors(type, iface);
            ValidateTypeImplementsInterface(type, iface);
        }
    }

    // Spec 3.6.1 IsValidImplementation: every interface field is present, covariant in its type,
    // with the same arguments of the same types, and any extra argument optional.
    private void ValidateTypeImplementsInterface(ComplexType type, InterfaceType iface)
    {
        foreach (var ifaceField in iface.Fields.Values)
        {
            var fieldName = ifaceField.Name;
            var typeField = type.GetField(fieldName);
            if (typeField is null)
            {
                Report($"Interface field {iface.Name}.{fieldName} expected but {type.Name} does not provide it.", [ifaceField.AstNode, type.AstNode, .. type.ExtensionAstNodes]);
                continue;
            }

            if (!TypeComparators.IsTypeSubTypeOf(_schema, typeField.Type, ifaceField.Type))
            {
                Report(
                    $"Interface field {iface.Name}.{fieldName} expects type {ifaceField.Type} but {type.Name}.{fieldName} is type {typeField.Type}.",
                    ifaceField.AstNode?.Type,
                    typeField.AstNode?.Type);
            }

            foreach (var ifaceArg in ifaceField.Arguments)
            {
                var argName = ifaceArg.Name;
                var typeArg = typeField.GetArgument(argName);
                if (typeArg is null)
                {
                    Report($"Interface field argument {iface.Name}.{fieldName}({argName}:) expected but {type.Name}.{fieldName} does not provide it.", ifaceArg.AstNode, typeField.AstNode);
                    continue;
                }

                if (!TypeComparators.IsEqualType(ifaceArg.Type, typeArg.Type))
                {
                    Report(
                        $"Interface field argument {iface.Name}.{fieldName}({argName}:) expects type {ifaceArg.Type} but {type.Name}.{fieldName}({argName}:) is type {typeArg.Type}.",
                        ifaceArg.AstNode?.Type,
                        typeArg.AstNode?.Type);
                }
            }

            foreach (var typeArg in typeField.Arguments)
            {
                if (typeArg.IsRequired && ifaceField.GetArgument(typeArg.Name) is null)
                {
                    Report(
                        $"Argument \"{type.Name}.{fieldName}({typeArg.Name}:)\" must not be required type \"{typeArg.Type}\" if not provided by the Interface field \"{iface.Name}.{fieldName}\".",
                        typeArg.AstNode,
                        ifaceField.AstNode);
                }
            }

            if (typeField.DeprecationReason is not null && ifaceField.DeprecationReason is null)
            {
                Report(
                    $"Interface field {iface.Name}.{fieldName} is not deprecated, so implementation field {type.Name}.{fieldName} must not be deprecated.",
                    DeprecatedDirective(typeField.AstNode?.Directives),
                    typeField.AstNode?.Type);
            }
        }
    }

    // Spec 3.6.1: an implementation must also declare every interface its interfaces implement.
    private void ValidateTypeImplementsAncestors(ComplexType type, InterfaceType iface)
    {
        foreach (var transitive in iface.Interfaces)
        {
            if (!type.Interfaces.Contains(transitive))
            {
                Report(
                    ReferenceEquals(transitive, type)
                        ? $"Type {type.Name} cannot implement {iface.Name} because it would create a circular reference."
                        : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}.",
                    [.. ImplementsNodes(iface, transitive.Name), .. ImplementsNodes(type, iface.Name)]);
            }
        }
    }

    private void ValidateUnionMembers(UnionType union)
    {
        var members = union.DeclaredTypes?.Invoke() ?? union.Types;
        if (members.Count == 0)
        {
            Report($"Union type {union.Name} must define one or more member types.", [union.AstNode, .. union.ExtensionAstNodes]);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            if (!seen.Add(member.Name))
            {
                Report($"Union type {union.Name} can only include type {member.Name} once.", UnionMemberNodes(union, member.Name));
                continue;
            }

            if (member is not ObjectType)
            {
                Report($"Union type {union.Name} can only include Object types, it cannot include {member.Name}.", UnionMemberNodes(union, member.Name));
            }
        }
    }

    private void ValidateEnumValues(EnumType enumType)
    {
        if (enumType.Values.Count == 0)
        {
            Report($"Enum type {enumType.Name} must define one or more values.", [enumType.AstNode, .. enumType.ExtensionAstNodes]);
        }

        foreach (var value in enumType.Values)
        {
            ValidateName(value.Name, value.AstNode);
            if (value.Name is "true" or "false" or "null")
            {
                Report($"Enum values cannot be named: {value.Name}", value.AstNode);
            }
        }
    }

    private void ValidateInputFields(InputObjectType input)
    {
        if (input.Fields.Count == 0)
        {
            Report($"Input Object type {input.Name} must define one or more fields.", [input.AstNode, .. input.ExtensionAstNodes]);
        }

        foreach (var field in input.Fields.Values)
        {
            ValidateName(field.Name, field.AstNode);
            if (!field.Type.IsInputType())
            {
                Report($"The type of {input.Name}.{field.Name} must be Input Type but got: {field.Type}.", field.AstNode?.Type);
            }

            if (field.IsRequired && field.DeprecationReason is not null)
            {
                Report($"Required input field {input.Name}.{field.Name} cannot be deprecated.", DeprecatedDirective(field.AstNode?.Directives), field.AstNode?.Type);
            }

            ValidateDefaultValue($"{input.Name}.{field.Name}", field);

            if (input.IsOneOf)
            {
                if (field.Type is NonNullType)
                {
                    Report($"OneOf input field {input.Name}.{field.Name} must be nullable.", field.AstNode?.Type);
                }

                if (field.DefaultValue is not null)
                {
                    Report($"OneOf input field {input.Name}.{field.Name} cannot have a default value.", field.AstNode);
                }
            }
        }
    }

    private static Node[] ImplementsNodes(ComplexType type, string interfaceName)
    {
        IEnumerable<Node?> definitions = [type.AstNode, .. type.ExtensionAstNodes];
        return [.. definitions.SelectMany(Interfaces).Where(n => n.Name.Value == interfaceName)];

        static IReadOnlyList<NamedTypeNode> Interfaces(Node? node) => node switch
        {
            ObjectTypeDefinitionNode o => o.Interfaces,
            ObjectTypeExtensionNode o => o.Interfaces,
            InterfaceTypeDefinitionNode i => i.Interfaces,
            InterfaceTypeExtensionNode i => i.Interfaces,
            _ => [],
        };
    }

    private static NamedTypeNode[] UnionMemberNodes(UnionType union, string memberName)
    {
        IEnumerable<Node?> definitions = [union.AstNode, .. union.ExtensionAstNodes];
        return [.. definitions.SelectMany(Members).Where(n => n.Name.Value == memberName)];

        static IReadOnlyList<NamedTypeNode> Members(Node? node) => node switch
        {
            UnionTypeDefinitionNode u => u.Types,
            UnionTypeExtensionNode u => u.Types,
            _ => [],
        };
    }

    private static DirectiveNode? DeprecatedDirective(IReadOnlyList<DirectiveNode>? directives) =>
        directives?.FirstOrDefault(d => d.Name.Value == "deprecated");

    /// <summary>
    /// A default value must not need itself to be complete: an input field whose default leaves out a
    /// field whose own default leads back to it could never be coerced (graphql-js 17 reports it, as a
    /// value of infinite size). A depth-first walk through the defaults, each field entered once.
    /// </summary>
    private sealed class DefaultValueCycleDetector(SchemaValidator validator)
    {
        private readonly HashSet<string> _visitedFields = new(StringComparer.Ordinal);
        private readonly List<(string Field, Node? DefaultValue)> _fieldPath = [];
        private readonly Dictionary<string, int> _fieldPathIndex = new(StringComparer.Ordinal);

        // An empty object as the starting value makes every field's default apply.
        public void Detect(InputObjectType input) => DetectInLiteral(input, new ObjectValueNode());

        private void DetectInLiteral(InputObjectType input, ValueNode literal)
        {
            if (literal is ListValueNode list)
            {
                foreach (var item in list.Values)
                {
                    DetectInLiteral(input, item);
                }

                return;
            }

            if (literal is not ObjectValueNode obj)
            {
                return;
            }

            foreach (var field in input.Fields.Values)
            {
                if (field.Type.GetNamedType() is not InputObjectType fieldType)
                {
                    continue;
                }

                var given = obj.Fields.FirstOrDefault(f => f.Name.Value == field.Name);
                if (given is not null)
                {
                    DetectInLiteral(fieldType, given.Value);
                }
                else
                {
                    DetectInFieldDefault(field, fieldType, $"{input.Name}.{field.Name}");
                }
            }
        }

        private void DetectInFieldDefault(InputFieldDefinition field, InputObjectType fieldType, string fieldText)
        {
            if (field.DefaultValue is not { } defaultValue)
            {
                return;
            }

            if (_fieldPathIndex.TryGetValue(fieldText, out var cycleIndex))
            {
                var via = cycleIndex < _fieldPath.Count
                    ? " via the default values of: " + string.Join(", ", _fieldPath.Skip(cycleIndex).Select(p => p.Field))
                    : string.Empty;
                validator.Report(
                    $"Invalid circular reference. The default value of Input Object field {fieldText} references itself{via}.",
                    [.. _fieldPath.Skip(cycleIndex - 1).Select(p => p.DefaultValue)]);
                return;
            }

            if (_visitedFields.Add(fieldText))
            {
                _fieldPath.Add((fieldText, field.AstNode?.DefaultValue));
                _fieldPathIndex[fieldText] = _fieldPath.Count;
                DetectInLiteral(fieldType, defaultValue);
                _fieldPath.RemoveAt(_fieldPath.Count - 1);
                _fieldPathIndex.Remove(fieldText);
            }
        }
    }

    /// <summary>
    /// Spec 3.10.1: every input object must admit a finite value. One that needs a non-null field of
    /// an input object type needs a value of that type; a OneOf input object needs only one of its
    /// fields, so it is finite as soon as one field is not an input object or leads to a finite one.
    /// Finiteness spreads from the types that are finite outright to those that depend on them; what
    /// is left is reported, one error per cycle, found by a depth-first walk.
    /// </summary>
    private sealed class FiniteValueDetector(SchemaValidator validator, IReadOnlyList<InputObjectType> inputObjects)
    {
        private readonly Dictionary<InputObjectType, State> _states = inputObjects.ToDictionary(t => t, t => new State(t));
        private readonly HashSet<InputObjectType> _visited = [];
        private readonly List<InputFieldDefinition> _fieldPath = [];
        private readonly List<InputObjectType> _pathOwners = [];
        private readonly Dictionary<InputObjectType, int> _pathIndexByType = [];

        public void Detect()
        {
            var finite = new Stack<State>();
            foreach (var state in _states.Values)
            {
                var input = state.InputObject;
                foreach (var field in input.Fields.Values)
                {
                    if (Target(input, field.Type) is not { } target)
                    {
                        continue;
                    }

                    state.Targets.Add((field, target));
                    if (_states.TryGetValue(target, out var targetState))
                    {
                        targetState.Dependents.Add(state);
                    }
                }

                if (input.IsOneOf)
                {
                    if (input.Fields.Count == 0 || state.Targets.Count < input.Fields.Count)
                    {
                        MarkFinite(state, finite);
                    }
                }
                else
                {
                    state.UnresolvedTargets = state.Targets.Count;
                    if (state.Targets.Count == 0)
                    {
                        MarkFinite(state, finite);
                    }
                }
            }

            while (finite.TryPop(out var next))
            {
                foreach (var dependent in next.Dependents)
                {
                    if (dependent.HasFiniteValue)
                    {
                        continue;
                    }

                    if (dependent.InputObject.IsOneOf || --dependent.UnresolvedTargets == 0)
                    {
                        MarkFinite(dependent, finite);
                    }
                }
            }

            foreach (var state in _states.Values)
            {
                if (!state.HasFiniteValue)
                {
                    ReportCycles(state);
                }
            }
        }

        private static InputObjectType? Target(InputObjectType input, GraphQLType fieldType) =>
            input.IsOneOf
                ? fieldType as InputObjectType
                : (fieldType as NonNullType)?.OfType as InputObjectType;

        private static void MarkFinite(State state, Stack<State> finite)
        {
            if (!state.HasFiniteValue)
            {
                state.HasFiniteValue = true;
                finite.Push(state);
            }
        }

        private void ReportCycles(State state)
        {
            var input = state.InputObject;
            if (!_visited.Add(input))
            {
                return;
            }

            _pathIndexByType[input] = _fieldPath.Count;
            foreach (var (field, target) in state.Targets)
            {
                if (!_states.TryGetValue(target, out var targetState) || targetState.HasFiniteValue)
                {
                    continue;
                }

                _fieldPath.Add(field);
                _pathOwners.Add(input);
                if (!_pathIndexByType.TryGetValue(target, out var cycleIndex))
                {
                    ReportCycles(targetState);
                }
                else
                {
                    var path = string.Join(", ", Enumerable.Range(cycleIndex, _fieldPath.Count - cycleIndex).Select(i => $"{_pathOwners[i].Name}.{_fieldPath[i].Name}"));
                    validator.Report(
                        $"Input Object {target.Name} cannot be provided a finite value because it references itself through fields: {path}.",
                        [.. _fieldPath[cycleIndex..].Select(f => f.AstNode)]);
                }

                _fieldPath.RemoveAt(_fieldPath.Count - 1);
                _pathOwners.RemoveAt(_pathOwners.Count - 1);
            }

            _pathIndexByType.Remove(input);
        }

        private sealed class State(InputObjectType inputObject)
        {
            public InputObjectType InputObject { get; } = inputObject;

            public List<(InputFieldDefinition Field, InputObjectType Target)> Targets { get; } = [];

            public List<State> Dependents { get; } = [];

            public int UnresolvedTargets { get; set; }

            public bool HasFiniteValue { get; set; }
        }
    }
}
