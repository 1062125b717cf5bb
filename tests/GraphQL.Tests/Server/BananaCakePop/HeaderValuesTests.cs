using Microsoft.Extensions.Primitives;
using Voting.GraphQL.Server.BananaCakePop;

namespace Voting.GraphQL.Tests.Server.BananaCakePop;

public sealed class HeaderValuesTests
{
    [Fact]
    public void Elements_carry_their_quality_and_one_without_q_has_1()
    {
        var values = HeaderValues.WithQuality("text/html, application/xml;q=0.9, */*; charset=utf-8 ;Q=0.8").ToList();

        Assert.Equal([("text/html", 1.0), ("application/xml", 0.9), ("*/*", 0.8)], values);
    }

    [Fact]
    public void Every_line_of_a_repeated_header_counts()
    {
        var values = HeaderValues.WithQuality(new StringValues(["gzip;q=0.5", "br, identity;q=0"])).ToList();

        Assert.Equal([("gzip", 0.5), ("br", 1.0), ("identity", 0.0)], values);
    }

    [Theory]
    [InlineData("gzip;q=abc", 1.0)]
    [InlineData("gzip;q=-1", 1.0)]
    [InlineData("gzip;q=7", 1.0)]
    [InlineData("gzip;q=0.001", 0.001)]
    public void A_q_that_is_no_quality_leaves_the_weight_at_1_and_one_out_of_range_is_clamped(string header, double quality) =>
        Assert.Equal(quality, Assert.Single(HeaderValues.WithQuality(header)).Quality);

    [Fact]
    public void Empty_elements_and_headers_give_nothing()
    {
        Assert.Empty(HeaderValues.WithQuality(StringValues.Empty));
        Assert.Empty(HeaderValues.WithQuality(" , ,"));
    }

    [Theory]
    [InlineData("\"abc\"", true)]
    [InlineData("W/\"abc\"", true)]
    [InlineData("\"x\", \"abc\"", true)]
    [InlineData("*", true)]
    [InlineData("\"abcd\"", false)]
    [InlineData("abc", false)]
    [InlineData("", false)]
    public void If_none_match_compares_tags_weakly(string header, bool matches) =>
        Assert.Equal(matches, HeaderValues.IfNoneMatchNames(header, "\"abc\""));
}
