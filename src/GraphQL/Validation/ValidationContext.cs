using Voting.GraphQL.Errors;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation;

/// <summary>
/// What rules share during one validation: the schema and document, the position the walk is at
/// (through <see cref="TypeInfo"/>), and lookups that several rules need and that are computed once
/// and cached: fragments by name, the spreads of a selection set, the fragments an operation reaches,
/// and the variables an operation uses with the types their positions expect.
/// </summary>
public sealed class ValidationContext
{
    private readonly TypeInfo _typeInfo;
    private readonly Action<GraphQLError> _onError;
    private readonly Dictionary<string, FragmentDefinitionNode> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<SelectionSetNode, IReadOnlyList<FragmentSpreadNode>> _fragmentSpreads = [];
    private readonly Dictionary<OperationDefinitionNode, IReadOnlyList<FragmentDefinitionNode>> _recursivelyReferencedFragments = [];
    private readonly Dictionary<Node, IReadOnlyList<VariableUsage>> _variableUsages = [];
    private readonly Dictionary<OperationDefinitionNode, IReadOnlyList<VariableUsage>> _recursiveVariableUsages = [];
    private readonly Stack<SelectionSetNode> _setsToVisit = new();
    private UsageCollector? _usageCollector;

    internal ValidationContext(Schema schema, DocumentNode document, TypeInfo typeInfo, bool hideSuggestions, Action<GraphQLError> onError)
    {
        Schema = schema;
        Document = document;
        _typeInfo = typeInfo;
        HideSuggestions = hideSuggestions;
        _onError = onError;
        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                // The last definition wins, as graphql-js builds its map by overwriting; UniqueFragmentNamesRule
                // reports the duplicates, and rules that look fragments up must agree with graphql-js on which one.
                _fragments[fragment.Name.Value] = fragment;
            }
        }
    }

    public Schema Schema { get; }

    public DocumentNode Document { get; }

    /// <summary>Rules leave "Did you mean" hints out of messages when this is set.</summary>
    public bool HideSuggestions { get; }

    public GraphQLType? Type => _typeInfo.Type;

    public NamedType? ParentType => _typeInfo.ParentType;

    public GraphQLType? InputType => _typeInfo.InputType;

    public GraphQLType? ParentInputType => _typeInfo.ParentInputType;

    public FieldDefinition? FieldDefinition => _typeInfo.FieldDefinition;

    public DirectiveDefinition? Directive => _typeInfo.Directive;

    public ArgumentDefinition? Argument => _typeInfo.Argument;

    public ValueNode? DefaultValue => _typeInfo.DefaultValue;

    public EnumValueDefinition? EnumValue => _typeInfo.EnumValue;

    public void ReportError(GraphQLError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        _onError(error);
    }

    /// <summary>Stops validation now; the result ends with "Validation aborted.". For rules whose work a document could make unbounded.</summary>
    public void Abort() => throw new ValidationAbortedException(new GraphQLError(DocumentValidator.AbortedMessage));

    public FragmentDefinitionNode? GetFragment(string name) => _fragments.GetValueOrDefault(name);

    /// <summary>The type a type reference denotes in this schema, or null when its name is unknown.</summary>
    public GraphQLType? GetType(TypeNode node) => TypeInfo.TypeFromAst(Schema, node);

    /// <summary>The fragment spreads inside a selection set, nested fields and inline fragments included, without entering fragments.</summary>
    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        ArgumentNullException.ThrowIfNull(selectionSet);
        if (_fragmentSpreads.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }

        List<FragmentSpreadNode>? spreads = null;
        var setsToVisit = _setsToVisit;
        setsToVisit.Clear();
        setsToVisit.Push(selectionSet);
        while (setsToVisit.TryPop(out var set))
        {
            var selections = set.Selections;
            for (var i = 0; i < selections.Count; i++)
            {
                switch (selections[i])
                {
                    case FragmentSpreadNode spread:
                        (spreads ??= []).Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } fieldSet }:
                        setsToVisit.Push(fieldSet);
                        break;
                    case InlineFragmentNode inline:
                        setsToVisit.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        IReadOnlyList<FragmentSpreadNode> result = spreads ?? (IReadOnlyList<FragmentSpreadNode>)[];
        _fragmentSpreads[selectionSet] = result;
        return result;
    }

    /// <summary>Every defined fragment the operation reaches through spreads, each once.</summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (_recursivelyReferencedFragments.TryGetValue(operation, out var cached))
        {
            return cached;
        }

        var fragments = new List<FragmentDefinitionNode>();
        var collected = new HashSet<string>(StringComparer.Ordinal);
        var toVisit = new Stack<SelectionSetNode>();
        toVisit.Push(operation.SelectionSet);
        while (toVisit.TryPop(out var set))
        {
            var spreads = GetFragmentSpreads(set);
            for (var i = 0; i < spreads.Count; i++)
            {
                var spread = spreads[i];
                if (collected.Add(spread.Name.Value) && GetFragment(spread.Name.Value) is { } fragment)
                {
                    fragments.Add(fragment);
                    toVisit.Push(fragment.SelectionSet);
                }
            }
        }

        _recursivelyReferencedFragments[operation] = fragments;
        return fragments;
    }

    /// <summary>The variables used directly in an operation or fragment (not through its spreads).</summary>
    public IReadOnlyList<VariableUsage> GetVariableUsages(ExecutableDefinitionNode definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (_variableUsages.TryGetValue(definition, out var cached))
        {
            return cached;
        }

        // A walk of its own: the types of a fragment's positions do not depend on where it is spread.
        _usageCollector ??= new UsageCollector(new TypeInfo(Schema));
        var usages = _usageCollector.Collect(definition);
        _variableUsages[definition] = usages;
        return usages;
    }

    /// <summary>The variables an operation uses, directly or in the fragments it reaches.</summary>
    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (_recursiveVariableUsages.TryGetValue(operation, out var cached))
        {
            return cached;
        }

        var own = GetVariableUsages(operation);
        var fragments = GetRecursivelyReferencedFragments(operation);
        if (fragments.Count == 0)
        {
            _recursiveVariableUsages[operation] = own;
            return own;
        }

        var usages = new List<VariableUsage>(own);
        for (var i = 0; i < fragments.Count; i++)
        {
            usages.AddRange(GetVariableUsages(fragments[i]));
        }

        _recursiveVariableUsages[operation] = usages;
        return usages;
    }

    /// <summary>
    /// Finds the variables of a definition in document order with the types their positions expect.
    /// The walk is syntactic and enters a node into <see cref="TypeInfo"/> only once a variable is found
    /// beneath it: most of a document holds no variable, and TypeInfo's state at a node depends only on
    /// the nodes on the path to it (siblings are entered and left symmetrically), so the types are the
    /// same as a full walk would give, at a fraction of the schema look-ups.
    /// </summary>
    private sealed class UsageCollector(TypeInfo typeInfo)
    {
        private readonly List<Node> _path = [];
        private List<VariableUsage>? _usages;
        private int _entered;

        public IReadOnlyList<VariableUsage> Collect(ExecutableDefinitionNode definition)
        {
            _usages = null;
            switch (definition)
            {
                case OperationDefinitionNode operation:
                    // A variable's own definition (and its default) is not a use of it.
                    Push(operation);
                    VisitDirectives(operation.Directives);
                    VisitSelectionSet(operation.SelectionSet);
                    Pop();
                    break;
                case FragmentDefinitionNode fragment:
                    Push(fragment);
                    VisitDirectives(fragment.Directives);
                    VisitSelectionSet(fragment.SelectionSet);
                    Pop();
                    break;
            }

            return _usages ?? (IReadOnlyList<VariableUsage>)[];
        }

        private void Push(Node node) => _path.Add(node);

        private void Pop()
        {
            var last = _path.Count - 1;
            if (_entered > last)
            {
                typeInfo.Leave(_path[last]);
                _entered = last;
            }

            _path.RemoveAt(last);
        }

        private void VisitSelectionSet(SelectionSetNode selectionSet)
        {
            Push(selectionSet);
            var selections = selectionSet.Selections;
            for (var i = 0; i < selections.Count; i++)
            {
                switch (selections[i])
                {
                    case FieldNode field:
                        Push(field);
                        VisitArguments(field.Arguments);
                        VisitDirectives(field.Directives);
                        if (field.SelectionSet is { } fieldSet)
                        {
                            VisitSelectionSet(fieldSet);
                        }

                        Pop();
                        break;
                    case FragmentSpreadNode spread:
                        Push(spread);
                        VisitDirectives(spread.Directives);
                        Pop();
                        break;
                    case InlineFragmentNode inline:
                        Push(inline);
                        VisitDirectives(inline.Directives);
                        VisitSelectionSet(inline.SelectionSet);
                        Pop();
                        break;
                }
            }

            Pop();
        }

        private void VisitDirectives(IReadOnlyList<DirectiveNode> directives)
        {
            for (var i = 0; i < directives.Count; i++)
            {
                var directive = directives[i];
                if (directive.Arguments.Count > 0)
                {
                    Push(directive);
                    VisitArguments(directive.Arguments);
                    Pop();
                }
            }
        }

        private void VisitArguments(IReadOnlyList<ArgumentNode> arguments)
        {
            for (var i = 0; i < arguments.Count; i++)
            {
                var argument = arguments[i];
                Push(argument);
                VisitValue(argument.Value);
                Pop();
            }
        }

        private void VisitValue(ValueNode value)
        {
            switch (value)
            {
                case VariableNode variable:
                    while (_entered < _path.Count)
                    {
                        typeInfo.Enter(_path[_entered++]);
                    }

                    (_usages ??= []).Add(new VariableUsage(variable, typeInfo.InputType, typeInfo.DefaultValue, typeInfo.ParentInputType));
                    break;
                case ListValueNode list:
                    Push(list);
                    var values = list.Values;
                    for (var i = 0; i < values.Count; i++)
                    {
                        VisitValue(values[i]);
                    }

                    Pop();
                    break;
                case ObjectValueNode obj:
                    var fields = obj.Fields;
                    for (var i = 0; i < fields.Count; i++)
                    {
                        Push(fields[i]);
                        VisitValue(fields[i].Value);
                        Pop();
                    }

                    break;
            }
        }
    }
}
