using Voting.Domain.Common;
using Voting.Domain.Tests.Support;
using Voting.Domain.Users;

namespace Voting.Domain.Tests.Users;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+66812345678")]
    [InlineData("+14155552671")]
    [InlineData("+442071838750")]
    [InlineData("+12")] // shortest: plus, country code digit, one digit
    [InlineData("+123456789012345")] // longest: fifteen digits
    public void A_number_in_E164_is_accepted_unchanged(string text)
    {
        var phone = PhoneNumber.Parse(text);

        Assert.Equal(text, phone.Value);
        Assert.Equal(text, phone.ToString());
        Assert.True(PhoneNumber.IsValid(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("+1")]
    [InlineData("66812345678")] // no plus sign
    [InlineData("0812345678")]
    [InlineData("+0812345678")] // country code starting with 0
    [InlineData("+1234567890123456")] // sixteen digits
    [InlineData("+66 81 234 5678")]
    [InlineData("+66-81-234-5678")]
    [InlineData("+66(81)2345678")]
    [InlineData("+6681234567x")]
    [InlineData("++66812345678")]
    [InlineData(" +66812345678")]
    [InlineData("+66812345678 ")]
    [InlineData("+٦٦٨١٢٣٤٥٦٧٨")] // Arabic-Indic digits
    public void A_number_not_in_E164_is_refused(string? text)
    {
        Refused.With(ErrorCodes.Validation, () => PhoneNumber.Parse(text));
        Assert.False(PhoneNumber.TryParse(text, out var phone));
        Assert.Equal(default, phone);
        Assert.False(PhoneNumber.IsValid(text));
    }

    [Fact]
    public void Equal_numbers_are_equal()
    {
        Assert.Equal(PhoneNumber.Parse("+66812345678"), PhoneNumber.Parse("+66812345678"));
        Assert.NotEqual(PhoneNumber.Parse("+66812345678"), PhoneNumber.Parse("+66812345679"));
    }

    [Fact]
    public void A_default_number_prints_as_empty()
    {
        Assert.Equal(string.Empty, default(PhoneNumber).ToString());
    }
}
