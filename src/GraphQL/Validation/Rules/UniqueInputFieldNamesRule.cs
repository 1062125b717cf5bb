using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Input Object Field Uniqueness (spec 5.6.3,
/// <see href="https://spec.graphql.org/September2025/#sec-Input-Object-Field-Uniqueness"/>):
/// "For each input object value objectValue in the document: For every inputField in objectValue: Let
/// name be the Name of inputField. Let fields be all Input Object Fields named name in objectValue.
/// fields must be the set containing only inputField."
/// </summary>
public sealed class UniqueInputFieldNamesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Stack<Dictionary<string, NameNode>> _knownNames = new();

    // The maps of objects already left, emptied, for the next objects to reuse.
    private readonly Stack<Dictionary<string, NameNode>> _spareMaps = new();

    public override void EnterValue(ValueNode node)
    {
        if (node is ObjectValueNode)
        {
            _knownNames.Push(_spareMaps.TryPop(out var spare) ? spare : new Dictionary<string, NameNode>(StringComparer.Ordinal));
        }
    }

    public override void LeaveValue(ValueNode node)
    {
        if (node is ObjectValueNode)
        {
            var known = _knownNames.Pop();
            known.Clear();
            _spareMaps.Push(known);
        }
    }

    public override void EnterObjectField(ObjectFieldNode node)
    {
        var known = _knownNames.Peek();
        if (known.TryGetValue(node.Name.Value, out var first))
        {
            ReportError($"There can be only one input field named \"{node.Name.Value}\".", first, node.Name);
        }
        else
        {
            known[node.Name.Value] = node.Name;
        }
    }
}
