using Voting.Domain.Common;

namespace Voting.Domain.Users;

/// <summary>
/// A national citizen ID: 13 digits whose last digit is a mod-11 check digit over the first twelve
/// (weights 13 down to 2), which catches most mistyped digits and swaps of neighbours at entry
/// (not all: remainders 0 and 10 share check digit 1).
/// Spaces and dashes are accepted as separators and dropped. See docs/decisions/0003-citizen-id-format.md.
/// </summary>
public readonly record struct CitizenId
{
    public const int Length = 13;

    private CitizenId(string value) => Value = value;

    public string Value { get; }

    public static CitizenId Parse(string? text) =>
        TryParse(text, out var id)
            ? id
            : throw DomainException.Validation("Citizen ID must be 13 digits with a valid check digit.");

    public static bool TryParse(string? text, out CitizenId id)
    {
        id = default;
        if (text is null || text.Length > 32)
        {
            return false;
        }

        Span<char> digits = stackalloc char[Length];
        var count = 0;
        foreach (var c in text)
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            if (c is < '0' or > '9' || count == Length)
            {
                return false;
            }

            digits[count++] = c;
        }

        if (count != Length || digits[Length - 1] - '0' != CheckDigit(digits[..(Length - 1)]))
        {
            return false;
        }

        id = new CitizenId(new string(digits));
        return true;
    }

    public static bool IsValid(string? text) => TryParse(text, out _);

    /// <summary>The check digit for twelve leading digits.</summary>
    public static int CheckDigit(ReadOnlySpan<char> firstTwelve)
    {
        var sum = 0;
        for (var i = 0; i < Length - 1; i++)
        {
            sum += (firstTwelve[i] - '0') * (Length - i);
        }

        return (11 - (sum % 11)) % 10;
    }

    public override string ToString() => Value ?? string.Empty;
}
