namespace Voting.Domain.Common;

/// <summary>Checks shared by every free-text field of the domain.</summary>
public static class Text
{
    /// <summary>Trims <paramref name="value"/> and checks its length and that it has no control characters.</summary>
    public static string Required(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw DomainException.Validation($"{field} is required.");
        }

        return Checked(trimmed, field, maxLength);
    }

    /// <summary>Like <see cref="Required"/> but an empty value becomes the empty string.</summary>
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
        }

        return value;
    }
}
