using Voting.GraphQL.Errors;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation;

/// <summary>
/// One rule of spec section 5, as a visitor: the validator walks the document once and calls every
/// rule's hooks in turn (graphql-js's visitInParallel), so a rule overrides only the hooks of the
/// node kinds it cares about. A rule instance lives for one validation and may keep state.
/// </summary>
public abstract class ValidationRule
{
    protected ValidationRule(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
    }

    protected ValidationContext Context { get; }

    /// <summary>Set by <see cref="SkipSubtree"/>; the walker reads and clears it after each enter hook.</summary>
    internal bool SkipRequested { get; set; }

    public virtual void EnterDocument(DocumentNode node) { }

    public virtual void LeaveDocument(DocumentNode node) { }

    public virtual void EnterOperationDefinition(OperationDefinitionNode node) { }

    public virtual void LeaveOperationDefinition(OperationDefinitionNode node) { }

    public virtual void EnterFragmentDefinition(FragmentDefinitionNode node) { }

    public virtual void LeaveFragmentDefinition(FragmentDefinitionNode node) { }

    /// <summary>
    /// A type system definition or extension, or one of their parts that can hold directives or name a
    /// type (field, argument, input field and enum value definitions, root operation types). An
    /// executable document must not hold them, but graphql-js walks them all the same.
    /// </summary>
    public virtual void EnterTypeSystemNode(Node node) { }

    public virtual void LeaveTypeSystemNode(Node node) { }

    public virtual void EnterVariableDefinition(VariableDefinitionNode node) { }

    public virtual void LeaveVariableDefinition(VariableDefinitionNode node) { }

    public virtual void EnterSelectionSet(SelectionSetNode node) { }

    public virtual void LeaveSelectionSet(SelectionSetNode node) { }

    public virtual void EnterField(FieldNode node) { }

    public virtual void LeaveField(FieldNode node) { }

    public virtual void EnterFragmentSpread(FragmentSpreadNode node) { }

    public virtual void LeaveFragmentSpread(FragmentSpreadNode node) { }

    public virtual void EnterInlineFragment(InlineFragmentNode node) { }

    public virtual void LeaveInlineFragment(InlineFragmentNode node) { }

    public virtual void EnterDirective(DirectiveNode node) { }

    public virtual void LeaveDirective(DirectiveNode node) { }

    public virtual void EnterArgument(ArgumentNode node) { }

    public virtual void LeaveArgument(ArgumentNode node) { }

    public virtual void EnterNamedType(NamedTypeNode node) { }

    public virtual void EnterVariable(VariableNode node) { }

    /// <summary>Any literal value: scalar, enum, null, list or object (not variables).</summary>
    public virtual void EnterValue(ValueNode node) { }

    public virtual void LeaveValue(ValueNode node) { }

    public virtual void EnterObjectField(ObjectFieldNode node) { }

    public virtual void LeaveObjectField(ObjectFieldNode node) { }

    /// <summary>Reports an error located at the given nodes, tagged with this rule's name.</summary>
    protected void ReportError(string message, params IEnumerable<Node> nodes) =>
        Context.ReportError(new GraphQLError(
            message,
            [.. nodes.Where(n => n.Location is not null).Select(n => n.Location!.Value.StartLocation)],
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { [DocumentValidator.RuleExtension] = GetType().Name }));

    /// <summary>Asks the walker not to call this rule for the children of the node being entered (graphql-js's <c>return false</c>).</summary>
    protected void SkipSubtree() => SkipRequested = true;
}
