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
    private readonly TypeInfo _typeInfo;
    private readonly IReadOnlyList<ValidationRule> _rules;
    private readonly Node?[] _skipping;

    public AstWalker(TypeInfo typeInfo, IReadOnlyList<ValidationRule> rules)
    {
        _typeInfo = typeInfo;
        _rules = rules;
        _skipping = new Node?[rules.Count];
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
        foreach (var node in nodes)
        {
            Walk(node);
        }
    }

    private void Enter(Node node)
    {
        _typeInfo.Enter(node);
        for (var i = 0; i < _rules.Count; i++)
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
            }
        }
    }

    private void Leave(Node node)
    {
        for (var i = 0; i < _rules.Count; i++)
        {
            if (_skipping[i] is null)
            {
                CallLeave(_rules[i], node);
            }
            else if (ReferenceEquals(_skipping[i], node))
            {
                _skipping[i] = null;
            }
        }

        _typeInfo.Leave(node);
    }

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
}
