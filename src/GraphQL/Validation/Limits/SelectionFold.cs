using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation.Limits;

/// <summary>
/// Measures an operation as if its fragments were written out where they are spread, without writing
/// them out: a fragment is measured once per document and its measure reused at every spread, so a
/// document whose fragments spread each other many times over costs work linear in its size. A spread
/// of a fragment that is being measured (a cycle, which <c>NoFragmentCyclesRule</c> reports) counts as
/// empty, so the walk ends.
/// </summary>
/// <typeparam name="T">The measure: a depth, a count.</typeparam>
internal abstract class SelectionFold<T>(ValidationContext context)
{
    private readonly Dictionary<string, T> _fragments = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

    /// <summary>The measure of nothing, and of a selection set's start.</summary>
    protected abstract T Empty { get; }

    /// <summary>The measure of an operation: its own nodes and its selection set.</summary>
    public T Operation(OperationDefinitionNode operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return OfOperation(operation, SelectionSet(operation.SelectionSet));
    }

    /// <summary>Two sibling selections together.</summary>
    protected abstract T Combine(T first, T second);

    /// <summary>A field, given the measure of its selection set (<see cref="Empty"/> for a leaf).</summary>
    protected abstract T OfField(FieldNode field, T selections);

    /// <summary>An inline fragment, given the measure of its selection set; the set itself by default.</summary>
    protected virtual T OfInlineFragment(InlineFragmentNode inline, T selections) => selections;

    /// <summary>A spread, given the measure of the fragment it names (<see cref="Empty"/> if unknown or cyclic).</summary>
    protected virtual T OfFragmentSpread(FragmentSpreadNode spread, T fragment) => fragment;

    /// <summary>A fragment definition, given the measure of its selection set; the set itself by default.</summary>
    protected virtual T OfFragment(FragmentDefinitionNode fragment, T selections) => selections;

    /// <summary>An operation, given the measure of its selection set; the set itself by default.</summary>
    protected virtual T OfOperation(OperationDefinitionNode operation, T selections) => selections;

    private T SelectionSet(SelectionSetNode selectionSet)
    {
        var measure = Empty;
        var selections = selectionSet.Selections;
        for (var i = 0; i < selections.Count; i++)
        {
            measure = Combine(measure, selections[i] switch
            {
                FieldNode field => OfField(field, field.SelectionSet is { } set ? SelectionSet(set) : Empty),
                InlineFragmentNode inline => OfInlineFragment(inline, SelectionSet(inline.SelectionSet)),
                FragmentSpreadNode spread => OfFragmentSpread(spread, Fragment(spread.Name.Value)),
                _ => Empty,
            });
        }

        return measure;
    }

    private T Fragment(string name)
    {
        if (_fragments.TryGetValue(name, out var known))
        {
            return known;
        }

        if (context.GetFragment(name) is not { } fragment || !_inProgress.Add(name))
        {
            return Empty;
        }

        var measure = OfFragment(fragment, SelectionSet(fragment.SelectionSet));
        _inProgress.Remove(name);
        _fragments[name] = measure;
        return measure;
    }
}
