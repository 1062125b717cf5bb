using Voting.Domain.Common;
using Voting.Domain.Tests.Support;

namespace Voting.Domain.Tests.Common;

public sealed class TextTests
{
    [Fact]
    public void Required_text_is_trimmed()
    {
        Assert.Equal("Student council", Text.Required("  Student council \t\n", "Title", 50));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void Required_text_that_is_missing_or_blank_is_refused(string? value)
    {
        var refusal = Refused.With(ErrorCodes.Validation, () => Text.Required(value, "Title", 50));

        Assert.Contains("Title", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_at_the_maximum_length_is_accepted()
    {
        var value = new string('x', 50);

        Assert.Equal(value, Text.Required(value, "Title", 50));
        Assert.Equal(value, Text.Optional(value, "Description", 50));
    }

    [Fact]
    public void Text_one_character_over_the_maximum_length_is_refused()
    {
        var value = new string('x', 51);

        Refused.With(ErrorCodes.Validation, () => Text.Required(value, "Title", 50));
        Refused.With(ErrorCodes.Validation, () => Text.Optional(value, "Description", 50));
    }

    [Fact]
    public void Length_is_measured_after_trimming()
    {
        var value = "  " + new string('x', 50) + "  ";

        Assert.Equal(50, Text.Required(value, "Title", 50).Length);
        Assert.Equal(50, Text.Optional(value, "Description", 50).Length);
    }

    [Theory]
    [InlineData('\0')]
    [InlineData('\u0007')]
    [InlineData('\b')]
    [InlineData('\u001B')]
    [InlineData('\u007F')]
    [InlineData('\u0085')]
    [InlineData('\u009F')]
    public void Control_characters_are_refused(char control)
    {
        var value = $"Before{control}after";

        var refusal = Refused.With(ErrorCodes.Validation, () => Text.Required(value, "Title", 50));
        Refused.With(ErrorCodes.Validation, () => Text.Optional(value, "Description", 50));

        Assert.Contains("control", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('\n')]
    [InlineData('\r')]
    [InlineData('\t')]
    public void Line_breaks_and_tabs_are_allowed_in_free_text_but_not_in_a_single_line(char separator)
    {
        var value = $"First{separator}second";

        Assert.Equal(value, Text.Optional(value, "Description", 50));
        var refusal = Refused.With(ErrorCodes.Validation, () => Text.Required(value, "Title", 50));
        Assert.Equal("Title must be a single line.", refusal.Message);
    }

    [Theory]
    [InlineData('\u202E')]
    [InlineData('\u202A')]
    [InlineData('\u2066')]
    [InlineData('\u2069')]
    [InlineData('\u200B')]
    [InlineData('\uFEFF')]
    public void Invisible_direction_and_zero_width_characters_are_refused_everywhere(char invisible)
    {
        var value = $"Alice{invisible}Smith";

        Refused.With(ErrorCodes.Validation, () => Text.Required(value, "Candidate name", 50));
        Refused.With(ErrorCodes.Validation, () => Text.Optional(value, "Description", 50));
    }

    [Fact]
    public void Zero_width_joiners_stay_allowed_for_the_scripts_that_need_them()
    {
        var value = "\u0915\u094D\u200D\u0937 \U0001F469\u200D\U0001F4BB";

        Assert.Equal(value, Text.Required(value, "Candidate name", 50));
    }

    [Fact]
    public void Text_in_any_script_is_accepted()
    {
        const string thai = "การเลือกตั้งสภานักเรียน";

        Assert.Equal(thai, Text.Required(thai, "Title", 50));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Optional_text_that_is_missing_or_blank_becomes_empty(string? value)
    {
        Assert.Equal(string.Empty, Text.Optional(value, "Description", 50));
    }

    [Fact]
    public void Optional_text_is_trimmed()
    {
        Assert.Equal("Party A", Text.Optional(" Party A ", "Description", 50));
    }
}
