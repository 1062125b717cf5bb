using Voting.Domain.Common;

namespace Voting.Domain.Users;

/// <summary>A phone number in E.164: a plus sign, a country code that does not start with 0, at most 15 digits.</summary>
public readonly record struct PhoneNumber
{
    private PhoneNumber(string value) => Value = value;

    public string Value { get; }

    public static PhoneNumber Parse(string? text) =>
        TryParse(text, out var phone)
            ? phone
            : throw DomainException.Validation("Phone must be in E.164 format, for example +66812345678.");

    public static bool TryParse(string? text, out PhoneNumber phone)
    {
        phone = default;
        if (text is null || text.Length is < 3 or > 16 || text[0] != '+' || text[1] is < '1' or > '9')
        {
            return false;
        }

        for (var i = 2; i < text.Length; i++)
        {
            if (text[i] is < '0' or > '9')
            {
                return false;
            }
        }

        phone = new PhoneNumber(text);
        return true;
    }

    public static bool IsValid(string? text) => TryParse(text, out _);

    public override string ToString() => Value ?? string.Empty;
}
