using System.Globalization;

namespace Voting.GraphQL.Validation;

/// <summary>
/// graphql-js's naturalCompare, which orders the type names FieldsOnCorrectTypeRule suggests; the
/// hints themselves come from <see cref="Types.Suggestions"/>, shared with the type system.
/// </summary>
internal static class NaturalOrder
{
    /// <summary>Orders strings with runs of digits compared by numeric value ("a2" before "a10").</summary>
    public static int Compare(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                var startA = i;
                var startB = j;
                while (i < a.Length && char.IsAsciiDigit(a[i]))
                {
                    i++;
                }

                while (j < b.Length && char.IsAsciiDigit(b[j]))
                {
                    j++;
                }

                var numberA = decimal.Parse(a.AsSpan(startA, i - startA), CultureInfo.InvariantCulture);
                var numberB = decimal.Parse(b.AsSpan(startB, j - startB), CultureInfo.InvariantCulture);
                if (numberA != numberB)
                {
                    return numberA < numberB ? -1 : 1;
                }
            }
            else
            {
                if (a[i] != b[j])
                {
                    return a[i] < b[j] ? -1 : 1;
                }

                i++;
                j++;
            }
        }

        return (a.Length - i).CompareTo(b.Length - j);
    }
}
