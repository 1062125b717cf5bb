using Voting.Domain.Common;
using Voting.Domain.Tests.Support;
using Voting.Domain.Users;

namespace Voting.Domain.Tests.Users;

public sealed class CitizenIdTests
{
    // Worked by hand: 1·13 + 2·12 + 3·11 + 4·10 + 5·9 + 6·8 + 7·7 + 8·6 + 9·5 + 0·4 + 1·3 + 2·2 = 352,
    // 352 mod 11 = 0, (11 - 0) mod 10 = 1.
    private const string KnownValid = "1234567890121";

    [Theory]
    [InlineData("123456789012", 1)]
    [InlineData("000000000000", 1)]
    [InlineData("100000000000", 9)] // 13 mod 11 = 2, 11 - 2 = 9
    [InlineData("000000000001", 9)] // 2 mod 11 = 2
    [InlineData("000000000010", 8)] // 3 mod 11 = 3
    [InlineData("000000000005", 1)] // 10 mod 11 = 10, (11 - 10) mod 10 = 1
    [InlineData("000000000006", 0)] // 12 mod 11 = 1, (11 - 1) mod 10 = 0
    public void Check_digit_is_eleven_minus_the_weighted_sum_mod_eleven_mod_ten(string firstTwelve, int expected)
    {
        Assert.Equal(expected, CitizenId.CheckDigit(firstTwelve));
    }

    [Fact]
    public void Check_digit_agrees_with_an_independent_computation_for_many_prefixes()
    {
        var random = new Random(20300501);
        for (var i = 0; i < 1000; i++)
        {
            var firstTwelve = string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('0' + random.Next(10))));

            Assert.Equal(CitizenIds.Text(firstTwelve)[12] - '0', CitizenId.CheckDigit(firstTwelve));
        }
    }

    [Fact]
    public void A_valid_id_parses_to_its_thirteen_digits()
    {
        var id = CitizenId.Parse(KnownValid);

        Assert.Equal(KnownValid, id.Value);
        Assert.Equal(KnownValid, id.ToString());
    }

    [Theory]
    [InlineData("1-2345-67890-12-1")]
    [InlineData("1 2345 67890 12 1")]
    [InlineData(" 1234567890121 ")]
    [InlineData("1-2345 67890-12 1")]
    [InlineData("--1234567890121--")]
    public void Spaces_and_dashes_are_dropped(string text)
    {
        var id = CitizenId.Parse(text);

        Assert.Equal(KnownValid, id.Value);
        Assert.Equal(CitizenId.Parse(KnownValid), id);
        Assert.True(CitizenId.IsValid(text));
    }

    [Theory]
    [InlineData("1234567890120")]
    [InlineData("1234567890122")]
    [InlineData("1234567890129")]
    public void A_wrong_check_digit_is_refused(string text)
    {
        Refused.With(ErrorCodes.Validation, () => CitizenId.Parse(text));
        Assert.False(CitizenId.IsValid(text));
    }

    [Fact]
    public void Every_other_check_digit_is_refused()
    {
        var valid = CitizenIds.Text("987654321098");
        for (var digit = '0'; digit <= '9'; digit++)
        {
            var candidate = valid[..12] + digit;

            Assert.Equal(candidate == valid, CitizenId.IsValid(candidate));
        }
    }

    [Fact]
    public void Swapping_two_different_neighbouring_digits_of_a_known_id_is_caught()
    {
        for (var i = 0; i < 11; i++)
        {
            var chars = KnownValid.ToCharArray();
            (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);

            Assert.False(CitizenId.IsValid(new string(chars)), $"swap at {i}");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("123456789012")] // twelve digits
    [InlineData("12345678901210")] // fourteen digits
    [InlineData("123456789012A")]
    [InlineData("A234567890121")]
    [InlineData("1.2345.67890.12.1")]
    [InlineData("1/2345/67890/12/1")]
    [InlineData("1_2345_67890_12_1")]
    [InlineData("1\t2345678901 21")]
    [InlineData("+1234567890121")]
    [InlineData("１２３４５６７８９０１２１")] // full-width digits
    [InlineData("١٢٣٤٥٦٧٨٩٠١٢١")] // Arabic-Indic digits
    public void Malformed_text_is_refused(string? text)
    {
        Refused.With(ErrorCodes.Validation, () => CitizenId.Parse(text));
        Assert.False(CitizenId.TryParse(text, out var id));
        Assert.Equal(default, id);
        Assert.False(CitizenId.IsValid(text));
    }

    [Fact]
    public void Text_longer_than_32_characters_is_refused_even_when_its_digits_are_valid()
    {
        var thirtyTwo = KnownValid + new string(' ', 32 - KnownValid.Length);

        Assert.True(CitizenId.IsValid(thirtyTwo));
        Assert.False(CitizenId.IsValid(thirtyTwo + " "));
    }

    [Fact]
    public void The_test_helper_builds_ids_the_domain_accepts()
    {
        var random = new Random(42);
        for (var i = 0; i < 200; i++)
        {
            var firstTwelve = string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('0' + random.Next(10))));

            Assert.True(CitizenId.IsValid(CitizenIds.Text(firstTwelve)), firstTwelve);
        }
    }

    [Fact]
    public void A_default_id_prints_as_empty()
    {
        Assert.Equal(string.Empty, default(CitizenId).ToString());
    }
}
