namespace Voting.Domain.Common;

/// <summary>
/// Checks shared by every free-text field of the domain. Names and titles are one line; no field
/// may hold control characters or the invisible bidirectional and zero-width marks that let one
/// candidate's name be made to look like another's.
/// </summary>
public static class Text
{
    /// <summary>A required single line (a name or a title), trimmed.</summary>
    public static string Required(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw DomainException.Validation($"{field} is required.");
        }

        if (trimmed.AsSpan().IndexOfAny(['\n', '\r', '\t']) >= 0)
        {
            throw DomainException.Validation($"{field} must be a single line.");
        }

        return Checked(trimmed, field, maxLength);
    }

    /// <summary>Optional free text that may span lines (a description), trimmed; absent becomes empty.</summary>
    public static string Optional(string? value, string field, int maxLength) =>
        Checked(value?.Trim() ?? string.Empty, field, maxLength);

    private static string Checked(string value, string field, int maxLength)
    {
        if (value.Length > maxLength)
        {
            throw DomainException.Validation($"{field} must be at most {maxLength} characters.");
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
            {
                throw DomainException.Validation($"{field} must not contain control characters.");
            }

            if (IsInvisibleFormatting(c))
            {
                throw DomainException.Validation($"{field} must not contain invisible direction or zero-width characters.");
            }
        }

        return value;
    }

    // Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the zero-width
    // space (U+200B) and the byte-order mark (U+FEFF). The joiners U+200C/U+200D stay allowed: some
    // scripts and emoji need them.
    private static bool IsInvisibleFormatting(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200B' or '\uFEFF';
}
