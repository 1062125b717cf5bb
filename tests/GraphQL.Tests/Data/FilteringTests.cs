using System.Text.Json;
using Voting.GraphQL.Data;
using Voting.GraphQL.Types;
using static Voting.GraphQL.Tests.Data.DataHarness;

namespace Voting.GraphQL.Tests.Data;

public sealed class FilteringTests
{
    public static TheoryData<string, int[]> Operations => new()
    {
        { "id: { eq: 3 }", [3] },
        { "id: { neq: 3 }", [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
        { "id: { in: [2, 4, 99] }", [2, 4] },
        { "id: { nin: [1, 2, 3, 4, 5, 6, 7, 8, 9] }", [10, 11, 12] },
        { "pages: { gt: 480 }", [3, 11] },
        { "pages: { gte: 480 }", [3, 9, 11] },
        { "pages: { lt: 256 }", [7, 8] },
        { "pages: { lte: 256 }", [5, 7, 8, 10] },
        { "pages: { ngt: 256 }", [5, 7, 8, 10] },
        { "pages: { ngte: 412, nlte: 256 }", [2, 6] },
        { "pages: { nlt: 600 }", [3, 11] },
        { "price: { gte: 12, lt: 15.5 }", [6, 9] },
        { "published: { lt: \"1900-01-01T00:00:00Z\" }", [4, 11, 12] },
        { "published: { eq: \"1965-01-01T01:00:00+01:00\" }", [1] },
        { "inPrint: { eq: false }", [4, 6, 11, 12] },
        { "inPrint: { neq: true }", [4, 6, 11, 12] },
        { "genre: { eq: SCIENCE }", [2, 6, 10] },
        { "genre: { neq: FICTION }", [2, 3, 6, 9, 10, 12] },
        { "genre: { in: [HISTORY, SCIENCE], nin: [SCIENCE] }", [3, 9, 12] },
        { "edition: { eq: null }", [3, 6, 10, 12] },
        { "edition: { neq: null, lt: 2 }", [1, 5, 8] },
        { "subtitle: { eq: null }", [1, 4, 5, 6, 8, 9, 10, 11] },
        { "title: { eq: \"Dune\" }", [1] },
        { "title: { neq: \"Dune\", startsWith: \"D\" }", [] },
        { "title: { in: [\"Emma\", \"SPQR\"] }", [3, 4] },
        { "title: { nin: [\"Emma\", \"SPQR\"], endsWith: \"a\" }", [] },
        { "title: { contains: \"une\" }", [1, 5] },
        { "title: { ncontains: \"e\" }", [2, 3, 4] },
        { "title: { startsWith: \"The\" }", [6] },
        { "title: { nstartsWith: \"A\", endsWith: \"e\" }", [1, 6, 12] },
        { "title: { endsWith: \"Time\" }", [10] },
        { "title: { nendsWith: \"e\", contains: \"m\" }", [2, 4, 5, 9, 11] },
        { "subtitle: { ncontains: \"A\" }", [1, 4, 5, 6, 7, 8, 9, 10, 11] },
        { "title: { eqIgnoreCase: \"DUNE\" }", [1] },
        { "title: { neqIgnoreCase: \"dune\", containsIgnoreCase: \"DUNE\" }", [5] },
        { "title: { containsIgnoreCase: \"dUnE\" }", [1, 5] },
        { "title: { ncontainsIgnoreCase: \"E\", startsWithIgnoreCase: \"c\" }", [2] },
        { "title: { startsWithIgnoreCase: \"é\" }", [12] },
        { "title: { nstartsWithIgnoreCase: \"d\", endsWithIgnoreCase: \"E\" }", [6, 10, 12] },
        { "subtitle: { endsWithIgnoreCase: \"rome\" }", [3] },
        { "subtitle: { nendsWithIgnoreCase: \"E\" }", [1, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
        { "writer: { eq: \"Herbert\" }", [1, 5] },
        { "title: { contains: \"%\" }", [7] },
        { "title: { contains: \"_\" }", [7] },
        { "title: { endsWith: \"\\\\\" }", [7] },
        { "or: [{ id: { eq: 1 } }, { genre: { eq: HISTORY } }]", [1, 3, 9, 12] },
        { "and: [{ genre: { eq: FICTION } }, { pages: { gt: 300 } }], or: [{ edition: { gte: 3 } }, { id: { eq: 1 } }]", [1, 4, 11] },
        { "or: []", [] },
        { "and: [], id: { lt: 3 }", [1, 2] },
        { "or: [{ and: [{ id: { gt: 10 } }, { inPrint: { eq: false } }] }, { title: { eq: \"Cosmos\" } }]", [2, 11, 12] },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Each_operation_selects_the_books_it_describes(string where, int[] expected)
    {
        var result = await RunAsync($$"""{ books(where: { {{where}} }) { id } }""");

        Assert.False(result.TryGetProperty("errors", out _), result.ToString());
        Assert.Equal(expected, Ids(result.GetProperty("data").GetProperty("books")));
    }

    [Fact]
    public async Task Without_where_every_book_is_returned()
    {
        var result = await RunAsync("{ books { id } }");

        Assert.Equal(Catalog.Books.Select(b => b.Id), Ids(result.GetProperty("data").GetProperty("books")));
    }

    [Theory]
    [InlineData("title: { contains: null }")]
    [InlineData("id: { in: null }")]
    [InlineData("pages: { gt: null }")]
    public async Task An_operation_other_than_eq_or_neq_refuses_null(string where)
    {
        var result = await RunAsync($$"""{ books(where: { {{where}} }) { id } }""");

        Assert.Equal("BAD_USER_INPUT", ErrorCode(result));
    }

    [Fact]
    public async Task Filtering_and_sorting_on_one_field_compose()
    {
        var result = await RunAsync("""{ filteredSortedBooks(where: { genre: { eq: FICTION } }, order: [{ pages: DESC }, { title: ASC }]) { id } }""");

        Assert.Equal([11, 1, 4, 5, 8, 7], Ids(result.GetProperty("data").GetProperty("filteredSortedBooks")));
    }

    [Fact]
    public async Task Case_insensitive_operations_go_through_the_registered_translator()
    {
        var translator = new RecordingTranslator();
        var result = await RunAsync("""{ books(where: { title: { containsIgnoreCase: "DUNE" } }) { id } }""", new Fetching.TestServices().Add<ICaseInsensitiveStringTranslator>(translator));

        Assert.Equal([1, 5], Ids(result.GetProperty("data").GetProperty("books")));
        Assert.Equal([(StringMatch.Contains, "DUNE")], translator.Calls);
    }

    [Fact]
    public async Task The_query_runs_through_the_registered_executor_once()
    {
        var executor = new RecordingExecutor();
        var result = await RunAsync("""{ books(where: { id: { lt: 3 } }) { id } }""", new Fetching.TestServices().Add<IQueryableExecutor>(executor));

        Assert.Equal([1, 2], Ids(result.GetProperty("data").GetProperty("books")));
        Assert.Equal(["list"], executor.Calls);
    }

    [Fact]
    public void The_escaped_like_pattern_matches_only_the_text()
    {
        Assert.Equal("100\\% Pure\\_Fun\\\\", QueryParameter.EscapeLike("100% Pure_Fun\\"));
        Assert.Equal("%a\\%%", QueryParameter.LikePattern(StringMatch.Contains, "a%"));
        Assert.Equal("a\\_%", QueryParameter.LikePattern(StringMatch.StartsWith, "a_"));
        Assert.Equal("%a", QueryParameter.LikePattern(StringMatch.EndsWith, "a"));
        Assert.Equal("a", QueryParameter.LikePattern(StringMatch.Equals, "a"));
    }

    [Fact]
    public void A_scalar_property_without_equality_refuses_the_schema_naming_the_field()
    {
        var error = Assert.Throws<SchemaValidationException>(() => SchemaBuilder.New()
            .AddScalar(new MoneyScalar())
            .AddQueryType<UntranslatableQuery>()
            .Create());

        Assert.Contains("UntranslatableQuery.GetInvoices (invoices)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Invoice.Total", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resolver_that_returns_no_sequence_refuses_the_schema()
    {
        var error = Assert.Throws<SchemaValidationException>(() => SchemaBuilder.New().AddQueryType<NotASequenceQuery>().Create());

        Assert.Contains("[UseFiltering] on NotASequenceQuery.GetName (name)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_argument_named_where_already_refuses_the_schema()
    {
        var error = Assert.Throws<SchemaValidationException>(() => SchemaBuilder.New().AddQueryType<ClashingQuery>().Create());

        Assert.Contains("already has an argument \"where\"", error.Message, StringComparison.Ordinal);
    }

    public readonly struct Money(decimal amount)
    {
        public decimal Amount { get; } = amount;
    }

    public sealed record Invoice(int Id, Money Total);

    public sealed class UntranslatableQuery
    {
        [UseFiltering]
        public IQueryable<Invoice> GetInvoices() => Array.Empty<Invoice>().AsQueryable();
    }

    public sealed class NotASequenceQuery
    {
        [UseFiltering]
        public string GetName() => "x";
    }

    public sealed class ClashingQuery
    {
        [UseFiltering]
        public IQueryable<Invoice> GetInvoices(string where) => Array.Empty<Invoice>().AsQueryable().Where(i => where.Length > 0);
    }

    private sealed class MoneyScalar() : ScalarType("Money")
    {
        public override Type RuntimeType => typeof(Money);
    }

    private sealed class RecordingTranslator : ICaseInsensitiveStringTranslator
    {
        public List<(StringMatch, string)> Calls { get; } = [];

        public System.Linq.Expressions.Expression Translate(System.Linq.Expressions.Expression property, StringMatch match, string value)
        {
            Calls.Add((match, value));
            return OrdinalIgnoreCaseStringTranslator.Instance.Translate(property, match, value);
        }
    }
}
