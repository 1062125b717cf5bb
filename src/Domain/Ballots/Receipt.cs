using System.Security.Cryptography;
using System.Text;
using Voting.Domain.Common;

namespace Voting.Domain.Ballots;

/// <summary>
/// The voter's proof that their ballot is in the box: 160 random bits written as 32 Crockford
/// base-32 characters in groups of four. Only its SHA-256 is stored, so the receipt is shown once.
/// </summary>
public sealed record Receipt
{
    public const int Bits = 160;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Symbols = Bits / 5;

    private Receipt(string value) => Value = value;

    /// <summary>The receipt as shown to the voter, for example <c>7F3K-…</c>.</summary>
    public string Value { get; }

    /// <summary>Lowercase hex SHA-256 of the canonical receipt (no dashes, upper case).</summary>
    public string Hash => HashOf(Value);

    public static Receipt New()
    {
        Span<byte> bytes = stackalloc byte[Bits / 8];
        RandomNumberGenerator.Fill(bytes);
        var builder = new StringBuilder(Symbols + (Symbols / 4));
        var buffer = 0;
        var bitsInBuffer = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bitsInBuffer += 8;
            while (bitsInBuffer >= 5)
            {
                bitsInBuffer -= 5;
                Append(builder, Alphabet[(buffer >> bitsInBuffer) & 31]);
            }
        }

        return new Receipt(builder.ToString());
    }

    /// <summary>Reads a receipt typed back by a person: case, dashes and spaces do not matter; I, L and O read as 1, 1 and 0.</summary>
    public static Receipt Parse(string? text) =>
        TryParse(text, out var receipt) ? receipt : throw DomainException.Validation("Receipt is not well formed.");

    public static bool TryParse(string? text, out Receipt receipt)
    {
        receipt = null!;
        var builder = new StringBuilder(Symbols + (Symbols / 4));
        var count = 0;
        foreach (var raw in text ?? string.Empty)
        {
            if (raw is '-' or ' ')
            {
                continue;
            }

            var c = char.ToUpperInvariant(raw) switch
            {
                'I' or 'L' => '1',
                'O' => '0',
                var other => other,
            };
            if (!Alphabet.Contains(c, StringComparison.Ordinal) || ++count > Symbols)
            {
                return false;
            }

            Append(builder, c);
        }

        if (count != Symbols)
        {
            return false;
        }

        receipt = new Receipt(builder.ToString());
        return true;
    }

    public static bool IsValid(string? text) => TryParse(text, out _);

    public override string ToString() => Value;

    private static string HashOf(string value)
    {
        var canonical = value.Replace("-", string.Empty, StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(canonical)));
    }

    private static void Append(StringBuilder builder, char c)
    {
        if (builder.Length > 0 && (builder.Length + 1) % 5 == 0)
        {
            builder.Append('-');
        }

        builder.Append(c);
    }
}
