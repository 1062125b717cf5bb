using System.Text;
using System.Text.Json;
using Voting.GraphQL.Data;
using Voting.GraphQL.Language;
using Voting.GraphQL.Tests.Fetching;
using Voting.GraphQL.Validation.Limits;
using static Voting.GraphQL.Tests.Data.DataHarness;

namespace Voting.GraphQL.Tests.Data;

public sealed class PagingTests
{
    private const string Selection = "edges { cursor node { id } } nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";

    public static TheoryData<string, int[]> Orders => new()
    {
        { "[{ pages: DESC }]", [.. Catalog.Books.OrderByDescending(b => b.Pages).ThenBy(b => b.Id).Select(b => b.Id)] },
        { "[{ pages: ASC }, { price: DESC }]", [.. Catalog.Books.OrderBy(b => b.Pages).ThenByDescending(b => b.Price).ThenBy(b => b.Id).Select(b => b.Id)] },
        { "[{ title: ASC }]", [.. Catalog.Books.OrderBy(b => b.Title).ThenBy(b => b.Id).Select(b => b.Id)] },
        { "[{ inPrint: DESC }, { genre: ASC }]", [.. Catalog.Books.OrderByDescending(b => b.InPrint).ThenBy(b => b.Genre).ThenBy(b => b.Id).Select(b => b.Id)] },
        { "[{ edition: ASC }]", [.. Catalog.Books.OrderBy(b => b.Edition is null ? 0 : 1).ThenBy(b => b.Edition).ThenBy(b => b.Id).Select(b => b.Id)] },
        { "[{ edition: DESC }, { published: DESC }]", [.. Catalog.Books.OrderByDescending(b => b.Edition is null ? 0 : 1).ThenByDescending(b => b.Edition).ThenByDescending(b => b.Published).ThenBy(b => b.Id).Select(b => b.Id)] },
        { "[{ subtitle: DESC }]", [.. Catalog.Books.OrderByDescending(b => b.Subtitle is null ? 0 : 1).ThenByDescending(b => b.Subtitle).ThenBy(b => b.Id).Select(b => b.Id)] },
        { "[{ id: DESC }, { pages: ASC }]", [.. Catalog.Books.OrderByDescending(b => b.Id).Select(b => b.Id)] },
        { "[]", [.. Catalog.Books.Select(b => b.Id)] },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Forward_pages_follow_the_order_with_the_id_breaking_ties(string order, int[] expected)
    {
        var seen = new List<int>();
        string? after = null;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 10, "paging does not end");
            var connection = await ShelfAsync($"first: 5, order: {order}" + (after is null ? string.Empty : $", after: \"{after}\""));
            var ids = EdgeIds(connection);
            Assert.Equal(ids, Ids(connection.GetProperty("nodes")));
            seen.AddRange(ids);
            var pageInfo = connection.GetProperty("pageInfo");
            Assert.Equal(after is not null, pageInfo.GetProperty("hasPreviousPage").GetBoolean());
            if (!pageInfo.GetProperty("hasNextPage").GetBoolean())
            {
                break;
            }

            Assert.Equal(5, ids.Length);
            after = pageInfo.GetProperty("endCursor").GetString();
        }

        Assert.Equal(expected, seen);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Backward_pages_read_the_same_order_from_the_end(string order, int[] expected)
    {
        var seen = new List<int>();
        string? before = null;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 10, "paging does not end");
            var connection = await ShelfAsync($"last: 5, order: {order}" + (before is null ? string.Empty : $", before: \"{before}\""));
            var ids = EdgeIds(connection);
            seen.InsertRange(0, ids);
            var pageInfo = connection.GetProperty("pageInfo");
            Assert.Equal(before is not null, pageInfo.GetProperty("hasNextPage").GetBoolean());
            if (!pageInfo.GetProperty("hasPreviousPage").GetBoolean())
            {
                break;
            }

            before = pageInfo.GetProperty("startCursor").GetString();
        }

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task After_and_before_together_bound_the_page_on_both_sides()
    {
        var all = await ShelfAsync("first: 5");
        var cursors = all.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("cursor").GetString()).ToList();

        var between = await ShelfAsync($"first: 5, after: \"{cursors[0]}\", before: \"{cursors[4]}\"");

        Assert.Equal([2, 3, 4], EdgeIds(between));
        Assert.Equal(cursors[1], between.GetProperty("pageInfo").GetProperty("startCursor").GetString());
    }

    [Fact]
    public async Task Filtering_narrows_the_pages()
    {
        var connection = await ShelfAsync("first: 2, where: { genre: { eq: HISTORY } }, order: { pages: ASC }");

        Assert.Equal([12, 9], EdgeIds(connection));
        Assert.True(connection.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task Without_first_or_last_the_default_page_size_applies_and_zero_reads_no_row()
    {
        var byDefault = await ShelfAsync(string.Empty);
        Assert.Equal([1, 2, 3], EdgeIds(byDefault));
        var empty = await ShelfAsync("first: 0");
        Assert.Empty(EdgeIds(empty));
        Assert.True(empty.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("pageInfo").GetProperty("endCursor").ValueKind);
    }

    [Theory]
    [InlineData("first: 6")]
    [InlineData("last: 6")]
    [InlineData("first: -1")]
    [InlineData("first: 1, last: 1")]
    public async Task Page_sizes_beyond_the_limits_are_refused(string arguments)
    {
        var result = await RunAsync($"{{ shelf({arguments}) {{ nodes {{ id }} }} }}");

        Assert.Equal("BAD_USER_INPUT", ErrorCode(result));
    }

    [Fact]
    public async Task Page_sizes_come_from_the_registered_options_when_the_field_sets_none()
    {
        var services = new TestServices().Add(new PagingOptions { DefaultPageSize = 2, MaxPageSize = 3 });

        var byDefault = await RunAsync("{ everything { nodes { id } } }", services);
        var tooMany = await RunAsync("{ everything(first: 4) { nodes { id } } }", services);
        var fieldOwn = await RunAsync("{ shelf(first: 5) { nodes { id } } }", services);

        Assert.Equal([1, 2], Ids(byDefault.GetProperty("data").GetProperty("everything").GetProperty("nodes")));
        Assert.Equal("BAD_USER_INPUT", ErrorCode(tooMany));
        Assert.Equal(5, fieldOwn.GetProperty("data").GetProperty("shelf").GetProperty("nodes").GetArrayLength());
    }

    public static TheoryData<string> BadCursors => new()
    {
        "not a cursor!",
        Convert.ToBase64String(Encoding.UTF8.GetBytes("[1, 2, 3]")).TrimEnd('='),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"a\": 1}")).TrimEnd('='),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("[2, 0, 1]")).TrimEnd('='),
        string.Empty,
    };

    [Theory]
    [MemberData(nameof(BadCursors))]
    public async Task A_malformed_cursor_is_refused(string cursor)
    {
        var result = await RunAsync($"{{ shelf(after: \"{cursor}\") {{ nodes {{ id }} }} }}");

        Assert.Equal("BAD_USER_INPUT", ErrorCode(result));
    }

    [Fact]
    public async Task A_tampered_cursor_is_refused()
    {
        var cursor = (await ShelfAsync("first: 1")).GetProperty("pageInfo").GetProperty("endCursor").GetString()!;
        var json = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(cursor));

        // The id key's value made a string: still JSON, no longer this order's cursor.
        var tampered = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json[..json.LastIndexOf(',')] + ",\"1\"]"));
        var result = await RunAsync($"{{ shelf(after: \"{tampered}\") {{ nodes {{ id }} }} }}");

        Assert.Equal("BAD_USER_INPUT", ErrorCode(result));
    }

    [Fact]
    public async Task A_cursor_of_another_order_is_refused()
    {
        var cursor = (await ShelfAsync("first: 1, order: { pages: DESC }")).GetProperty("pageInfo").GetProperty("endCursor").GetString();

        var result = await RunAsync($"{{ shelf(after: \"{cursor}\", order: {{ pages: ASC }}) {{ nodes {{ id }} }} }}");

        Assert.Equal("BAD_USER_INPUT", ErrorCode(result));
        Assert.Contains("another field or order", result.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_total_count_is_counted_only_when_selected()
    {
        var executor = new RecordingExecutor();
        var services = new TestServices().Add<IQueryableExecutor>(executor);

        await RunAsync("{ shelf(first: 2) { nodes { id } pageInfo { hasNextPage } } }", services);
        Assert.Equal(["list"], executor.Calls);

        executor.Calls.Clear();
        var counted = await RunAsync("{ shelf(first: 2, where: { genre: { eq: FICTION } }) { totalCount nodes { id } } }", services);
        Assert.Equal(["list", "count"], executor.Calls);
        Assert.Equal(6, counted.GetProperty("data").GetProperty("shelf").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_resolver_that_returns_null_gives_a_null_connection()
    {
        var result = await RunAsync("{ nothing { totalCount } }");

        Assert.Equal(JsonValueKind.Null, result.GetProperty("data").GetProperty("nothing").ValueKind);
    }

    [Fact]
    public void Cost_analysis_sizes_edges_and_nodes_by_first_or_last_else_the_maximum()
    {
        double Cost(string arguments) => CostAnalyzer.Compute(Schema, Parser.Parse($"{{ shelf{arguments} {{ edges {{ node {{ shelf {{ name }} }} }} nodes {{ shelf {{ name }} }} }} }}"));

        Assert.True(Cost("(first: 2)") < Cost("(first: 4)"));
        Assert.Equal(Cost("(first: 4)"), Cost("(last: 4)"));
        Assert.Equal(Cost("(first: 5)"), Cost(string.Empty));
        var listSize = Assert.Single(Schema.QueryType!.Fields["shelf"].AppliedDirectives);
        Assert.Equal("@listSize(assumedSize: 5, slicingArguments: [\"first\", \"last\"], sizedFields: [\"edges\", \"nodes\"], requireOneSlicingArgument: false)", Printer.Print(listSize));
    }

    private static async Task<JsonElement> ShelfAsync(string arguments)
    {
        var result = await RunAsync($"{{ shelf{(arguments.Length == 0 ? string.Empty : $"({arguments})")} {{ {Selection} }} }}");
        Assert.False(result.TryGetProperty("errors", out _), result.ToString());
        return result.GetProperty("data").GetProperty("shelf");
    }

    private static int[] EdgeIds(JsonElement connection)
    {
        var edges = connection.GetProperty("edges").EnumerateArray().ToList();
        Assert.All(edges, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("cursor").GetString())));
        return [.. edges.Select(e => e.GetProperty("node").GetProperty("id").GetInt32())];
    }
}
