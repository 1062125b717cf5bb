using System.Collections.Concurrent;
using System.Reflection;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation;

/// <summary>
/// Walks a document once, depth first in graphql-js's key order, keeping
/// <see cref="TypeInfo"/> up to date and calling every rule's hooks in turn. A rule that asks to skip
/// a subtree is left out until the walk leaves that node; the others carry on (visitInParallel).
/// Type system definitions and extensions are walked too, as graphql-js's validate does, so the rules
/// that look at directives, types and values also report inside them when a document holds them.
/// </summary>
internal sealed class AstWalker
{
    private static readonly ConcurrentDictionary<Type, HashSet<string>> OverriddenHooks = new();

    // The tables depend only on the rules' types, which are the same for every request in practice.
    private static DispatchTables? s_lastTables;

    private readonly TypeInfo _typeInfo;
    private readonly IReadOnlyList<ValidationRule> _rules;
    private readonly Node?[] _skipping;
    private int _skippingCount;

    // Per node kind, the rules (by index, in rule order) that override the hook the walk calls for it:
    // most rules look at one to three kinds, so the walk never calls the other rules' empty hooks.
    private readonly int[][] _entering;
    private readonly int[][] _leaving;

    public AstWalker(TypeInfo typeInfo, IReadOnlyList<ValidationRule> rules)
    {
        _typeInfo = typeInfo;
        _rules = rules;
        _skipping = new Node?[rules.Count];
        var tables = s_lastTables;
        if (tables is null || !tables.IsFor(rules))
        {
            tables = new DispatchTables(rules);
            s_lastTables = tables;
        }

        _entering = tables.Entering;
        _leaving = tables.Leaving;
    }

    public void Walk(Node node)
    {
        Enter(node);
        switch (node)
        {
            case DocumentNode document:
                foreach (var definition in document.Definitions)
                {
                    Walk(definition);
                }

                break;
            case OperationDefinitionNode operation:
                WalkAll(operation.VariableDefinitions);
                WalkAll(operation.Directives);
                Walk(operation.SelectionSet);
                break;
            case FragmentDefinitionNode fragment:
                Walk(fragment.TypeCondition);
                WalkAll(fragment.Directives);
                Walk(fragment.SelectionSet);
                break;
            case VariableDefinitionNode variable:
                Walk(variable.Variable);
                Walk(variable.Type);
                if (variable.DefaultValue is not null)
                {
                    Walk(variable.DefaultValue);
                }

                WalkAll(variable.Directives);
                break;
            case SelectionSetNode selectionSet:
                WalkAll(selectionSet.Selections);
                break;
            case FieldNode field:
                WalkAll(field.Arguments);
                WalkAll(field.Directives);
                if (field.SelectionSet is not null)
                {
                    Walk(field.SelectionSet);
                }

                break;
            case FragmentSpreadNode spread:
                WalkAll(spread.Directives);
                break;
            case InlineFragmentNode inline:
                if (inline.TypeCondition is not null)
                {
                    Walk(inline.TypeCondition);
                }

                WalkAll(inline.Directives);
                Walk(inline.SelectionSet);
                break;
            case DirectiveNode directive:
                WalkAll(directive.Arguments);
                break;
            case ArgumentNode argument:
                Walk(argument.Value);
                break;
            case ListValueNode list:
                WalkAll(list.Values);
                break;
            case ObjectValueNode obj:
                WalkAll(obj.Fields);
                break;
            case ObjectFieldNode objectField:
                Walk(objectField.Value);
                break;
            case ListTypeNode listType:
                Walk(listType.Type);
                break;
            case NonNullTypeNode nonNullType:
                Walk(nonNullType.Type);
                break;
            default:
                WalkTypeSystem(node);
                break;
        }

        Leave(node);
    }

    // The children of type system nodes, in graphql-js's QueryDocumentKeys order; names and
    // directive locations are left out, as no rule looks at them.
    private void WalkTypeSystem(Node node)
    {
        switch (node)
        {
            case SchemaDefinitionNode schema:
                WalkAll(schema.Directives);
                WalkAll(schema.OperationTypes);
                break;
            case SchemaExtensionNode schema:
                WalkAll(schema.Directives);
                WalkAll(schema.OperationTypes);
                break;
            case OperationTypeDefinitionNode operationType:
                Walk(operationType.Type);
                break;
            case ScalarTypeDefinitionNode scalar:
                WalkAll(scalar.Directives);
                break;
            case ScalarTypeExtensionNode scalar:
                WalkAll(scalar.Directives);
                break;
            case ObjectTypeDefinitionNode obj:
                WalkAll(obj.Interfaces);
                WalkAll(obj.Directives);
                WalkAll(obj.Fields);
                break;
            case ObjectTypeExtensionNode obj:
                WalkAll(obj.Interfaces);
                WalkAll(obj.Directives);
                WalkAll(obj.Fields);
                break;
            case InterfaceTypeDefinitionNode iface:
                WalkAll(iface.Interfaces);
                WalkAll(iface.Directives);
                WalkAll(iface.Fields);
                break;
            case InterfaceTypeExtensionNode iface:
                WalkAll(iface.Interfaces);
                WalkAll(iface.Directives);
                WalkAll(iface.Fields);
                break;
            case FieldDefinitionNode field:
                WalkAll(field.Arguments);
                Walk(field.Type);
                WalkAll(field.Directives);
                break;
            case InputValueDefinitionNode input:
                Walk(input.Type);
                WalkOptional(input.DefaultValue);
                WalkAll(input.Directives);
                break;
            case UnionTypeDefinitionNode union:
                WalkAll(union.Directives);
                WalkAll(union.Types);
                break;
            case UnionTypeExtensionNode union:
                WalkAll(union.Directives);
                WalkAll(union.Types);
                break;
            case EnumTypeDefinitionNode enumType:
                WalkAll(enumType.Directives);
                WalkAll(enumType.Values);
                break;
            case EnumTypeExtensionNode enumType:
                WalkAll(enumType.Directives);
                WalkAll(enumType.Values);
                break;
            case EnumValueDefinitionNode enumValue:
                WalkAll(enumValue.Directives);
                break;
            case InputObjectTypeDefinitionNode input:
                WalkAll(input.Directives);
                WalkAll(input.Fields);
                break;
            case InputObjectTypeExtensionNode input:
                WalkAll(input.Directives);
                WalkAll(input.Fields);
                break;
            case DirectiveDefinitionNode directive:
                WalkAll(directive.Arguments);
                break;
        }
    }

    private void WalkOptional(Node? node)
    {
        if (node is not null)
        {
            Walk(node);
        }
    }

    private void WalkAll<T>(IReadOnlyList<T> nodes)
        where T : Node
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            Walk(nodes[i]);
        }
    }

    private void Enter(Node node)
    {
        _typeInfo.Enter(node);
        foreach (var i in _entering[(int)node.Kind])
        {
            if (_skipping[i] is not null)
            {
                continue;
            }

            var rule = _rules[i];
            CallEnter(rule, node);
            if (rule.SkipRequested)
            {
                rule.SkipRequested = false;
                _skipping[i] = node;
                _skippingCount++;
            }
        }
    }

    private void Leave(Node node)
    {
        foreach (var i in _leaving[(int)node.Kind])
        {
            if (_skipping[i] is null)
            {
                CallLeave(_rules[i], node);
            }
        }

        if (_skippingCount > 0)
        {
            for (var i = 0; i < _skipping.Length; i++)
            {
                if (ReferenceEquals(_skipping[i], node))
                {
                    _skipping[i] = null;
                    _skippingCount--;
                }
            }
        }

        _typeInfo.Leave(node);
    }

    private static int[] RulesOverriding(IReadOnlyList<ValidationRule> rules, string? hook)
    {
        if (hook is null)
        {
            return [];
        }

        var indices = new List<int>();
        for (var i = 0; i < rules.Count; i++)
        {
            var overridden = OverriddenHooks.GetOrAdd(rules[i].GetType(), static type => type
                .GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.IsVirtual && m.DeclaringType != typeof(ValidationRule) && m.DeclaringType != typeof(object))
                .Select(m => m.Name)
                .ToHashSet(StringComparer.Ordinal));
            if (overridden.Contains(hook))
            {
                indices.Add(i);
            }
        }

        return [.. indices];
    }

    /// <summary>The rule method <see cref="CallEnter"/> calls for a node of this kind.</summary>
    private static string? EnterHook(SyntaxKind kind) => kind switch
    {
        SyntaxKind.Document => nameof(ValidationRule.EnterDocument),
        SyntaxKind.OperationDefinition => nameof(ValidationRule.EnterOperationDefinition),
        SyntaxKind.FragmentDefinition => nameof(ValidationRule.EnterFragmentDefinition),
        SyntaxKind.VariableDefinition => nameof(ValidationRule.EnterVariableDefinition),
        SyntaxKind.SelectionSet => nameof(ValidationRule.EnterSelectionSet),
        SyntaxKind.Field => nameof(ValidationRule.EnterField),
        SyntaxKind.FragmentSpread => nameof(ValidationRule.EnterFragmentSpread),
        SyntaxKind.InlineFragment => nameof(ValidationRule.EnterInlineFragment),
        SyntaxKind.Directive => nameof(ValidationRule.EnterDirective),
        SyntaxKind.Argument => nameof(ValidationRule.EnterArgument),
        SyntaxKind.NamedType => nameof(ValidationRule.EnterNamedType),
        SyntaxKind.Variable => nameof(ValidationRule.EnterVariable),
        SyntaxKind.ObjectField => nameof(ValidationRule.EnterObjectField),
        _ when IsValue(kind) => nameof(ValidationRule.EnterValue),
        _ when IsTypeSystem(kind) => nameof(ValidationRule.EnterTypeSystemNode),
        _ => null,
    };

    /// <summary>The rule method <see cref="CallLeave"/> calls for a node of this kind.</summary>
    private static string? LeaveHook(SyntaxKind kind) => kind switch
    {
        SyntaxKind.Document => nameof(ValidationRule.LeaveDocument),
        SyntaxKind.OperationDefinition => nameof(ValidationRule.LeaveOperationDefinition),
        SyntaxKind.FragmentDefinition => nameof(ValidationRule.LeaveFragmentDefinition),
        SyntaxKind.VariableDefinition => nameof(ValidationRule.LeaveVariableDefinition),
        SyntaxKind.SelectionSet => nameof(ValidationRule.LeaveSelectionSet),
        SyntaxKind.Field => nameof(ValidationRule.LeaveField),
        SyntaxKind.FragmentSpread => nameof(ValidationRule.LeaveFragmentSpread),
        SyntaxKind.InlineFragment => nameof(ValidationRule.LeaveInlineFragment),
        SyntaxKind.Directive => nameof(ValidationRule.LeaveDirective),
        SyntaxKind.Argument => nameof(ValidationRule.LeaveArgument),
        SyntaxKind.ObjectField => nameof(ValidationRule.LeaveObjectField),
        SyntaxKind.Variable or SyntaxKind.NamedType => null,
        _ when IsValue(kind) => nameof(ValidationRule.LeaveValue),
        _ when IsTypeSystem(kind) => nameof(ValidationRule.LeaveTypeSystemNode),
        _ => null,
    };

    private static bool IsValue(SyntaxKind kind) => kind is SyntaxKind.IntValue or SyntaxKind.FloatValue or SyntaxKind.StringValue
        or SyntaxKind.BooleanValue or SyntaxKind.NullValue or SyntaxKind.EnumValue or SyntaxKind.ListValue or SyntaxKind.ObjectValue;

    private static bool IsTypeSystem(SyntaxKind kind) => kind is SyntaxKind.SchemaDefinition or SyntaxKind.OperationTypeDefinition
        or SyntaxKind.ScalarTypeDefinition or SyntaxKind.ObjectTypeDefinition or SyntaxKind.FieldDefinition
        or SyntaxKind.InputValueDefinition or SyntaxKind.InterfaceTypeDefinition or SyntaxKind.UnionTypeDefinition
        or SyntaxKind.EnumTypeDefinition or SyntaxKind.EnumValueDefinition or SyntaxKind.InputObjectTypeDefinition
        or SyntaxKind.DirectiveDefinition or SyntaxKind.SchemaExtension or SyntaxKind.ScalarTypeExtension
        or SyntaxKind.ObjectTypeExtension or SyntaxKind.InterfaceTypeExtension or SyntaxKind.UnionTypeExtension
        or SyntaxKind.EnumTypeExtension or SyntaxKind.InputObjectTypeExtension;

    private static void CallEnter(ValidationRule rule, Node node)
    {
        switch (node)
        {
            case DocumentNode n: rule.EnterDocument(n); break;
            case OperationDefinitionNode n: rule.EnterOperationDefinition(n); break;
            case FragmentDefinitionNode n: rule.EnterFragmentDefinition(n); break;
            case TypeSystemDefinitionNode or TypeSystemExtensionNode or OperationTypeDefinitionNode or FieldDefinitionNode
                or InputValueDefinitionNode or EnumValueDefinitionNode: rule.EnterTypeSystemNode(node); break;
            case VariableDefinitionNode n: rule.EnterVariableDefinition(n); break;
            case SelectionSetNode n: rule.EnterSelectionSet(n); break;
            case FieldNode n: rule.EnterField(n); break;
            case FragmentSpreadNode n: rule.EnterFragmentSpread(n); break;
            case InlineFragmentNode n: rule.EnterInlineFragment(n); break;
            case DirectiveNode n: rule.EnterDirective(n); break;
            case ArgumentNode n: rule.EnterArgument(n); break;
            case NamedTypeNode n: rule.EnterNamedType(n); break;
            case VariableNode n: rule.EnterVariable(n); break;
            case ObjectFieldNode n: rule.EnterObjectField(n); break;
            case ValueNode n: rule.EnterValue(n); break;
        }
    }

    private static void CallLeave(ValidationRule rule, Node node)
    {
        switch (node)
        {
            case DocumentNode n: rule.LeaveDocument(n); break;
            case OperationDefinitionNode n: rule.LeaveOperationDefinition(n); break;
            case FragmentDefinitionNode n: rule.LeaveFragmentDefinition(n); break;
            case VariableDefinitionNode n: rule.LeaveVariableDefinition(n); break;
            case TypeSystemDefinitionNode or TypeSystemExtensionNode or OperationTypeDefinitionNode or FieldDefinitionNode
                or InputValueDefinitionNode or EnumValueDefinitionNode: rule.LeaveTypeSystemNode(node); break;
            case SelectionSetNode n: rule.LeaveSelectionSet(n); break;
            case FieldNode n: rule.LeaveField(n); break;
            case FragmentSpreadNode n: rule.LeaveFragmentSpread(n); break;
            case InlineFragmentNode n: rule.LeaveInlineFragment(n); break;
            case DirectiveNode n: rule.LeaveDirective(n); break;
            case ArgumentNode n: rule.LeaveArgument(n); break;
            case ObjectFieldNode n: rule.LeaveObjectField(n); break;
            case ValueNode n and not VariableNode: rule.LeaveValue(n); break;
        }
    }

    /// <summary>Which rules to call for each node kind, for one sequence of rule types.</summary>
    private sealed class DispatchTables
    {
        private readonly Type[] _ruleTypes;

        public DispatchTables(IReadOnlyList<ValidationRule> rules)
        {
            _ruleTypes = new Type[rules.Count];
            for (var i = 0; i < rules.Count; i++)
            {
                _ruleTypes[i] = rules[i].GetType();
            }

            var kinds = Enum.GetValues<SyntaxKind>();
            Entering = new int[kinds.Length][];
            Leaving = new int[kinds.Length][];
            foreach (var kind in kinds)
            {
                Entering[(int)kind] = RulesOverriding(rules, EnterHook(kind));
                Leaving[(int)kind] = RulesOverriding(rules, LeaveHook(kind));
            }
        }

        public int[][] Entering { get; }

        public int[][] Leaving { get; }

        public bool IsFor(IReadOnlyList<ValidationRule> rules)
        {
            if (rules.Count != _ruleTypes.Length)
            {
                return false;
            }

            for (var i = 0; i < rules.Count; i++)
            {
                if (rules[i].GetType() != _ruleTypes[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
