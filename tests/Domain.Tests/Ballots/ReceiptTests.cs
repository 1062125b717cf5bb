using System.Security.Cryptography;
using System.Text;
using Voting.Domain.Ballots;
using Voting.Domain.Common;
using Voting.Domain.Tests.Support;

namespace Voting.Domain.Tests.Ballots;

public sealed class ReceiptTests
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const string Shape = "^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$";
    private const string Canonical = "0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ";

    [Fact]
    public void A_receipt_carries_at_least_128_random_bits()
    {
        var symbols = Receipt.New().Value.Replace("-", string.Empty, StringComparison.Ordinal).Length;

        // Each Crockford base-32 symbol carries five bits.
        Assert.True(symbols * 5 >= 128, $"{symbols} symbols");
        Assert.True(Receipt.Bits >= 128);
        Assert.Equal(Receipt.Bits, symbols * 5);
    }

    [Fact]
    public void A_receipt_is_32_crockford_symbols_in_groups_of_four()
    {
        Assert.Matches(Shape, Receipt.New().Value);
    }

    [Fact]
    public void Ten_thousand_receipts_are_all_different()
    {
        var values = Enumerable.Range(0, 10_000).Select(_ => Receipt.New().Value).ToList();

        Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
        Assert.All(values, v => Assert.Matches(Shape, v));
    }

    [Fact]
    public void Every_position_takes_every_symbol()
    {
        // With all 160 bits random, each of the 32 positions shows all 32 symbols over 10,000 draws
        // (the chance of missing one is below 10^-130). A position fed by fewer bits would not.
        var seen = Enumerable.Range(0, 32).Select(_ => new HashSet<char>()).ToArray();
        for (var i = 0; i < 10_000; i++)
        {
            var symbols = Receipt.New().Value.Replace("-", string.Empty, StringComparison.Ordinal);
            for (var p = 0; p < symbols.Length; p++)
            {
                seen[p].Add(symbols[p]);
            }
        }

        Assert.All(seen, s => Assert.Equal(Alphabet.Length, s.Count));
    }

    [Fact]
    public void The_hash_is_the_lowercase_hex_sha256_of_the_receipt_without_dashes()
    {
        var receipt = Receipt.New();
        var canonical = receipt.Value.Replace("-", string.Empty, StringComparison.Ordinal);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(canonical))), receipt.Hash);
        Assert.Matches("^[0-9a-f]{64}$", receipt.Hash);
    }

    [Fact]
    public void The_hash_of_a_known_receipt_is_fixed()
    {
        Assert.Equal(
            Convert.ToHexStringLower(SHA256.HashData("0123456789ABCDEFGHJKMNPQRSTVWXYZ"u8)),
            Receipt.Parse(Canonical).Hash);
    }

    [Fact]
    public void Different_receipts_have_different_hashes()
    {
        Assert.NotEqual(Receipt.New().Hash, Receipt.New().Hash);
    }

    [Fact]
    public void A_new_receipt_parses_back_to_itself()
    {
        var receipt = Receipt.New();

        var parsed = Receipt.Parse(receipt.Value);

        Assert.Equal(receipt, parsed);
        Assert.Equal(receipt.Hash, parsed.Hash);
        Assert.Equal(receipt.Value, parsed.ToString());
    }

    [Theory]
    [InlineData("0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ")]
    [InlineData("0123-4567-89ab-cdef-ghjk-mnpq-rstv-wxyz")]
    [InlineData("0123456789ABCDEFGHJKMNPQRSTVWXYZ")]
    [InlineData("0123 4567 89AB CDEF GHJK MNPQ RSTV WXYZ")]
    [InlineData("  01-23 45--67 89ABCDEFGHJKMNPQRSTVWXYZ  ")]
    [InlineData("O123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ")] // O reads as 0
    [InlineData("o123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ")]
    [InlineData("0I23-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ")] // I reads as 1
    [InlineData("0i23-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ")]
    [InlineData("0L23-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ")] // L reads as 1
    [InlineData("0l23-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ")]
    public void Parsing_ignores_case_dashes_and_spaces_and_reads_I_L_O_as_digits(string typed)
    {
        var parsed = Receipt.Parse(typed);

        Assert.Equal(Canonical, parsed.Value);
        Assert.Equal(Receipt.Parse(Canonical).Hash, parsed.Hash);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("----")]
    [InlineData("0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXY")] // 31 symbols
    [InlineData("0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ0")] // 33 symbols
    [InlineData("0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ-0123-4567")]
    [InlineData("0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYU")] // U is not in the alphabet
    [InlineData("0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXY!")]
    [InlineData("0123_4567_89AB_CDEF_GHJK_MNPQ_RSTV_WXYZ")]
    [InlineData("0123.4567.89AB.CDEF.GHJK.MNPQ.RSTV.WXYZ")]
    [InlineData("0123\t4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ")]
    [InlineData("0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ\n")]
    [InlineData("０123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ")] // full-width zero
    [InlineData("Ä123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ")]
    public void Malformed_receipts_are_refused(string? typed)
    {
        Refused.With(ErrorCodes.Validation, () => Receipt.Parse(typed));
    }
}
