using Voting.GraphQL.Types;

namespace Voting.GraphQL.Data;

/// <summary>
/// The operation input types (HotChocolate's names and fields). Each operation given in one input
/// must hold (they are ANDed). <c>n</c>-prefixed operations are the negations; the
/// <c>…IgnoreCase</c> ones compare strings without case through the <see cref="ICaseInsensitiveStringTranslator"/>.
/// <c>eq: null</c> and <c>neq: null</c> test for null; the other operations refuse null.
/// </summary>
internal static class FilterOperations
{
    public const string Eq = "eq";
    public const string Neq = "neq";
    public const string In = "in";
    public const string Nin = "nin";
    public const string Gt = "gt";
    public const string Ngt = "ngt";
    public const string Gte = "gte";
    public const string Ngte = "ngte";
    public const string Lt = "lt";
    public const string Nlt = "nlt";
    public const string Lte = "lte";
    public const string Nlte = "nlte";
    public const string Contains = "contains";
    public const string Ncontains = "ncontains";
    public const string StartsWith = "startsWith";
    public const string NstartsWith = "nstartsWith";
    public const string EndsWith = "endsWith";
    public const string NendsWith = "nendsWith";
    public const string IgnoreCase = "IgnoreCase";

    public const string And = "and";
    public const string Or = "or";

    private static readonly string[] Comparisons = [Gt, Ngt, Gte, Ngte, Lt, Nlt, Lte, Nlte];
    private static readonly string[] Substrings = [Contains, Ncontains, StartsWith, NstartsWith, EndsWith, NendsWith];

    /// <summary>The operation input for <paramref name="kind"/> over the scalar or enum <paramref name="operand"/>.</summary>
    public static InputObjectType InputType(SchemaBuildContext schema, FilterKind kind, NamedType operand)
    {
        var name = (operand.Name == Scalars.ID.Name ? "Id" : operand.Name) + "OperationFilterInput";
        return schema.GetOrAddType(name, () => new InputObjectType(name, Fields(kind, operand))
        {
            Description = kind == FilterKind.String
                ? "Conditions on String values; all given must hold. `n…` negates; `…IgnoreCase` compares without case; `eq: null` tests for null."
                : $"Conditions on {operand.Name} values; all given must hold. `n…` negates; `eq: null` tests for null.",
        });
    }

    private static List<InputFieldDefinition> Fields(FilterKind kind, NamedType operand)
    {
        var list = new ListType(new NonNullType(operand));
        var fields = new List<InputFieldDefinition> { new(Eq, operand), new(Neq, operand) };
        if (kind == FilterKind.Boolean)
        {
            return fields;
        }

        fields.Add(new(In, list));
        fields.Add(new(Nin, list));
        if (kind == FilterKind.Comparable)
        {
            fields.AddRange(Comparisons.Select(c => new InputFieldDefinition(c, operand)));
        }
        else if (kind == FilterKind.String)
        {
            fields.AddRange(Substrings.Select(s => new InputFieldDefinition(s, operand)));
            fields.AddRange(new[] { Eq, Neq }.Concat(Substrings).Select(s => new InputFieldDefinition(s + IgnoreCase, operand)));
        }

        return fields;
    }
}
