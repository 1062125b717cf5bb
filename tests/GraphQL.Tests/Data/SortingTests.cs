using static Voting.GraphQL.Tests.Data.DataHarness;

namespace Voting.GraphQL.Tests.Data;

public sealed class SortingTests
{
    [Fact]
    public async Task Several_keys_order_by_the_first_then_the_next()
    {
        var result = await RunAsync("{ sortedBooks(order: [{ genre: DESC }, { price: ASC }]) { id } }");

        var expected = Catalog.Books.OrderByDescending(b => b.Genre).ThenBy(b => b.Price).Select(b => b.Id);
        Assert.Equal(expected, Ids(result.GetProperty("data").GetProperty("sortedBooks")));
    }

    [Fact]
    public async Task Booleans_dates_and_renamed_properties_sort()
    {
        var result = await RunAsync("{ a: sortedBooks(order: [{ inPrint: ASC }, { published: DESC }]) { id } b: sortedBooks(order: { writer: ASC }) { id } }");

        var data = result.GetProperty("data");
        Assert.Equal(Catalog.Books.OrderBy(b => b.InPrint).ThenByDescending(b => b.Published).Select(b => b.Id), Ids(data.GetProperty("a")));
        Assert.Equal(Catalog.Books.OrderBy(b => b.Author).Select(b => b.Id), Ids(data.GetProperty("b")));
    }

    [Fact]
    public async Task Without_order_the_source_order_stays()
    {
        var result = await RunAsync("{ sortedBooks { id } }");

        Assert.Equal(Catalog.Books.Select(b => b.Id), Ids(result.GetProperty("data").GetProperty("sortedBooks")));
    }

    [Fact]
    public async Task One_sort_input_names_one_property()
    {
        var result = await RunAsync("{ sortedBooks(order: [{ title: ASC, id: DESC }]) { id } }");

        var error = Assert.Single(result.GetProperty("errors").EnumerateArray());
        Assert.Contains("BookSortInput", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(result.TryGetProperty("data", out _));
    }
}
