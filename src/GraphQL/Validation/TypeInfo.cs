using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation;

/// <summary>
/// Tracks, while the document is walked, the types the schema gives each position: the parent
/// composite type of a selection, the field definition and its output type, the input type and
/// default value of an argument, list item or input field, the directive, and the enum value
/// (graphql-js's TypeInfo). Unknown names leave null entries so rules can tell "unknown" apart.
/// </summary>
internal sealed class TypeInfo
{
    private readonly Schema _schema;
    private readonly List<GraphQLType?> _typeStack = [];
    private readonly List<NamedType?> _parentTypeStack = [];
    private readonly List<GraphQLType?> _inputTypeStack = [];
    private readonly List<FieldDefinition?> _fieldDefStack = [];
    private readonly List<ValueNode?> _defaultValueStack = [];

    public TypeInfo(Schema schema)
    {
        _schema = schema;
    }

    /// <summary>The output type of the current position (a field's type, a fragment's condition, an operation's root).</summary>
    public GraphQLType? Type => Peek(_typeStack);

    /// <summary>The composite type whose selection set holds the current selection.</summary>
    public NamedType? ParentType => Peek(_parentTypeStack);

    public GraphQLType? InputType => Peek(_inputTypeStack);

    /// <summary>The input type one level up: the list or input object holding the current value.</summary>
    public GraphQLType? ParentInputType => _inputTypeStack.Count > 1 ? _inputTypeStack[^2] : null;

    public FieldDefinition? FieldDefinition => Peek(_fieldDefStack);

    public ValueNode? DefaultValue => Peek(_defaultValueStack);

    public DirectiveDefinition? Directive { get; private set; }

    public ArgumentDefinition? Argument { get; private set; }

    public EnumValueDefinition? EnumValue { get; private set; }

    /// <summary>The type a type reference denotes in the schema, or null if its named type is unknown (graphql-js's typeFromAST).</summary>
    public static GraphQLType? TypeFromAst(Schema schema, TypeNode node) => node switch
    {
        NamedTypeNode named => schema.GetType(named.Name.Value),
        ListTypeNode list => TypeFromAst(schema, list.Type) is { } item ? new ListType(item) : null,
        NonNullTypeNode nonNull => TypeFromAst(schema, nonNull.Type) is { } inner and not NonNullType ? new NonNullType(inner) : null,
        _ => null,
    };

    public void Enter(Node node)
    {
        switch (node)
        {
            case SelectionSetNode:
                _parentTypeStack.Add(Type?.GetNamedType() is { } named && named.IsCompositeType() ? named : null);
                break;
            case FieldNode field:
                var fieldDef = ParentType is { } parent ? GetFieldDefinition(parent, field.Name.Value) : null;
                _fieldDefStack.Add(fieldDef);
                _typeStack.Add(fieldDef?.Type is { } fieldType && fieldType.IsOutputType() ? fieldType : null);
                break;
            case DirectiveNode directive:
                Directive = _schema.GetDirective(directive.Name.Value);
                break;
            case OperationDefinitionNode operation:
                _typeStack.Add(_schema.GetRootType(operation.Operation));
                break;
            case InlineFragmentNode inline:
                var inlineType = inline.TypeCondition is { } condition ? TypeFromAst(_schema, condition) : Type?.GetNamedType();
                _typeStack.Add(inlineType is not null && inlineType.IsOutputType() ? inlineType : null);
                break;
            case FragmentDefinitionNode fragment:
                var fragmentType = TypeFromAst(_schema, fragment.TypeCondition);
                _typeStack.Add(fragmentType is not null && fragmentType.IsOutputType() ? fragmentType : null);
                break;
            case VariableDefinitionNode variable:
                var variableType = TypeFromAst(_schema, variable.Type);
                _inputTypeStack.Add(variableType is not null && variableType.IsInputType() ? variableType : null);
                break;
            case ArgumentNode argument:
                var arguments = Directive?.Arguments ?? FieldDefinition?.Arguments;
                var argDef = arguments?.FirstOrDefault(a => a.Name == argument.Name.Value);
                Argument = argDef;
                _defaultValueStack.Add(argDef?.DefaultValue);
                _inputTypeStack.Add(argDef is not null && argDef.Type.IsInputType() ? argDef.Type : null);
                break;
            case ListValueNode:
                var listType = InputType?.GetNullableType();
                var itemType = listType is ListType list ? list.OfType : listType;
                _defaultValueStack.Add(null);
                _inputTypeStack.Add(itemType is not null && itemType.IsInputType() ? itemType : null);
                break;
            case ObjectFieldNode objectField:
                var inputField = InputType?.GetNamedType() is InputObjectType inputObject ? inputObject.GetField(objectField.Name.Value) : null;
                _defaultValueStack.Add(inputField?.DefaultValue);
                _inputTypeStack.Add(inputField is not null && inputField.Type.IsInputType() ? inputField.Type : null);
                break;
            case EnumValueNode enumValue:
                EnumValue = InputType?.GetNamedType() is EnumType enumType ? enumType.GetValue(enumValue.Value) : null;
                break;
        }
    }

    public void Leave(Node node)
    {
        switch (node)
        {
            case SelectionSetNode:
                Pop(_parentTypeStack);
                break;
            case FieldNode:
                Pop(_fieldDefStack);
                Pop(_typeStack);
                break;
            case DirectiveNode:
                Directive = null;
                break;
            case OperationDefinitionNode or InlineFragmentNode or FragmentDefinitionNode:
                Pop(_typeStack);
                break;
            case VariableDefinitionNode:
                Pop(_inputTypeStack);
                break;
            case ArgumentNode:
                Argument = null;
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case ListValueNode or ObjectFieldNode:
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case EnumValueNode:
                EnumValue = null;
                break;
        }
    }

    /// <summary>A field of the parent type, including the meta-fields of spec section 4.1 (the schema's own lookup).</summary>
    public FieldDefinition? GetFieldDefinition(NamedType parentType, string name) => _schema.GetFieldDefinition(parentType, name);

    private static T? Peek<T>(List<T?> stack)
        where T : class => stack.Count > 0 ? stack[^1] : null;

    private static void Pop<T>(List<T> stack) => stack.RemoveAt(stack.Count - 1);
}
