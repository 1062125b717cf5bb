using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Tests.Support;

namespace Voting.Domain.Tests.Chat;

public sealed class MessageTextTests
{
    [Theory]
    [InlineData("x")]
    [InlineData("  leading and trailing spaces stay  ")]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("<b>bold</b> &amp; \"quotes\"")]
    [InlineData("line one\r\nline two\tand a tab")]
    [InlineData("emoji 👍🏽 and ZWJ 👩‍👩‍👧 and RTL שלום")]
    public void Text_is_kept_exactly_as_sent(string text) => Assert.Same(text, MessageText.Check(text));

    [Fact]
    public void Four_thousand_code_units_are_allowed_and_one_more_is_too_long()
    {
        Assert.Equal(4000, MessageText.Check(new string('a', 4000)).Length);
        Refused.With(ErrorCodes.MessageTooLong, () => MessageText.Check(new string('a', 4001)));
    }

    [Fact]
    public void Length_counts_utf16_code_units_so_an_emoji_counts_two()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 2000));
        Assert.Equal(text, MessageText.Check(text));
        Refused.With(ErrorCodes.MessageTooLong, () => MessageText.Check(text + "a"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\n\t ")]
    [InlineData("bell\a")]
    [InlineData("nul\0")]
    [InlineData("escape\u001b[31m")]
    [InlineData("delete\u007f")]
    [InlineData("c1\u0085")]
    public void Blank_text_and_control_characters_are_refused(string text) =>
        Refused.With(ErrorCodes.InvalidText, () => MessageText.Check(text));

    [Fact]
    public void Lone_surrogates_are_refused()
    {
        // Built from chars: test-case data would be re-encoded and lose the lone surrogates.
        string[] texts = ["lone " + '\ud800' + " surrogate", "reversed " + '\udc00' + '\ud800', "trailing high " + '\ud83d', '\udc00' + "leading low"];
        Assert.All(texts, text => Refused.With(ErrorCodes.InvalidText, () => MessageText.Check(text)));
    }

    [Fact]
    public void Null_text_is_refused() => Refused.With(ErrorCodes.InvalidText, () => MessageText.Check(null));

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("ünicode")]
    [InlineData("tab\t")]
    public void Client_message_ids_are_printable_ascii(string id) =>
        Refused.With(ErrorCodes.Validation, () => MessageText.CheckClientMessageId(id));

    [Fact]
    public void Client_message_ids_are_at_most_64_characters()
    {
        Assert.Equal(64, MessageText.CheckClientMessageId(new string('k', 64)).Length);
        Refused.With(ErrorCodes.Validation, () => MessageText.CheckClientMessageId(new string('k', 65)));
    }
}
