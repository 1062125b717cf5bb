using System.Runtime.CompilerServices;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Types;

public sealed class CodeFirstTests
{
    private static Schema BuildLibrary() => SchemaBuilder.New()
        .AddQueryType<LibraryQuery>()
        .AddMutationType<LibraryMutation>()
        .AddSubscriptionType<LibrarySubscription>()
        .AddType<Magazine>()
        .Create();

    [Fact]
    public void Maps_a_library_as_HotChocolate_would()
    {
        var printed = SchemaPrinter.Print(BuildLibrary());
        Assert.Equal(ExpectedLibrarySdl.ReplaceLineEndings("\n"), printed);
    }

    [Fact]
    public void The_printed_code_first_schema_builds_again_from_SDL() =>
        Assert.Equal(SchemaPrinter.Print(BuildLibrary()), SchemaPrinter.Print(SchemaBuilder.FromSdl(SchemaPrinter.Print(BuildLibrary())).Create()));

    [Fact]
    public async Task Property_resolvers_are_compiled_delegates_invoked_on_the_parent()
    {
        var schema = BuildLibrary();
        var book = (ObjectType)schema.GetType("Book")!;
        var dune = new Book("Dune", 412, null);
        Assert.Equal("Dune", await Resolve(schema, book.Fields["title"], dune));
        Assert.Equal(412, await Resolve(schema, book.Fields["pages"], dune));
    }

    [Fact]
    public async Task Method_resolvers_receive_arguments_services_the_parent_and_the_token()
    {
        var schema = BuildLibrary();
        var query = schema.QueryType!;
        var root = new LibraryQuery();
        Assert.Equal(5, await Resolve(schema, query.Fields["add"], root, new Dictionary<string, object?> { ["a"] = 3, ["b"] = 2 }));
        Assert.Equal("Dune", Assert.IsType<Book>(await Resolve(schema, query.Fields["book"], root, new Dictionary<string, object?> { ["id"] = 1 })).Title);
        var books = Assert.IsAssignableFrom<IReadOnlyList<Book>>(await Resolve(schema, query.Fields["books"], root));
        Assert.Equal(2, books.Count);
        var services = new SingleService(new Shelf("Top shelf"));
        Assert.Equal("you on Top shelf via LibraryQuery", await Resolve(schema, query.Fields["greet"], root, new Dictionary<string, object?> { ["name"] = "you" }, services));
    }

    [Fact]
    public async Task A_root_type_without_a_parent_value_is_created_once()
    {
        var schema = BuildLibrary();
        Assert.Equal(3, await Resolve(schema, schema.QueryType!.Fields["add"], null, new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 }));
    }

    [Fact]
    public async Task Input_objects_are_built_from_coerced_field_maps()
    {
        var schema = BuildLibrary();
        var mutation = schema.MutationType!;
        var input = new Dictionary<string, object?> { ["title"] = "Emma", ["pages"] = 300, ["genre"] = Genre.ScienceFiction, ["tags"] = new List<object?> { "classic" } };
        var added = Assert.IsType<Book>(await Resolve(schema, mutation.Fields["addBook"], new LibraryMutation(), new Dictionary<string, object?> { ["input"] = input }));
        Assert.Equal(new Book("Emma", 300, null), added);

        var bookInput = (InputObjectType)schema.GetType("BookInput")!;
        var created = Assert.IsType<BookInput>(bookInput.CreateRuntimeValue!(input));
        Assert.Equal(["classic"], created.Tags);
        Assert.Equal(Genre.ScienceFiction, created.Genre);
    }

    [Fact]
    public async Task Subscription_fields_yield_their_stream_and_resolve_each_event()
    {
        var schema = BuildLibrary();
        var field = schema.SubscriptionType!.Fields["onBookAdded"];
        var stream = Assert.IsAssignableFrom<IAsyncEnumerable<object?>>(await field.Subscriber!(new TestResolverContext(schema, field, new LibrarySubscription())));
        var titles = new List<string>();
        await foreach (var item in stream.WithCancellation(TestContext.Current.CancellationToken))
        {
            titles.Add(((Book)item!).Title);
            Assert.Same(item, await field.Resolver!(new TestResolverContext(schema, field, item)));
        }

        Assert.Equal(["First", "Second"], titles);
    }

    [Fact]
    public void Abstract_types_resolve_to_the_object_type_of_the_clr_value()
    {
        var schema = BuildLibrary();
        var publication = (InterfaceType)schema.GetType("Publication")!;
        var search = (UnionType)schema.GetType("SearchResult")!;
        var context = new TestResolverContext(schema, schema.QueryType!.Fields["search"], null);
        Assert.Equal("Magazine", publication.ResolveType!(new Magazine("Wired", 7), context));
        Assert.Equal("Book", search.ResolveType!(new Book("Dune", 1, null), context));
        Assert.Equal([schema.GetType("Book"), schema.GetType("Author")], schema.GetPossibleTypes(search));
        Assert.True(((ObjectType)schema.GetType("Book")!).IsTypeOf!(new Book("x", 1, null)));
    }

    [Theory]
    [InlineData("Title", "title")]
    [InlineData("ID", "id")]
    [InlineData("URLPath", "urlPath")]
    [InlineData("already", "already")]
    public void Names_are_camel_cased(string name, string expected) => Assert.Equal(expected, ClrNaming.CamelCase(name));

    [Theory]
    [InlineData("GetBooksAsync", "books")]
    [InlineData("Getaway", "getaway")]
    [InlineData("Async", "async")]
    [InlineData("Get", "get")]
    public void Method_names_lose_Get_and_Async(string name, string expected) => Assert.Equal(expected, ClrNaming.MethodFieldName(name));

    [Theory]
    [InlineData("ScienceFiction", "SCIENCE_FICTION")]
    [InlineData("HTTPServer", "HTTP_SERVER")]
    [InlineData("Version2Beta", "VERSION2_BETA")]
    [InlineData("A", "A")]
    public void Enum_values_are_upper_snake_cased(string name, string expected) => Assert.Equal(expected, ClrNaming.UpperSnakeCase(name));

    [Fact]
    public void A_type_override_and_unmappable_types_are_reported()
    {
        var schema = SchemaBuilder.New().AddQueryType<OverrideQuery>().Create();
        Assert.Equal("[ID!]!", schema.QueryType!.Fields["ids"].Type.ToString());
        var error = Assert.Throws<InvalidOperationException>(() => SchemaBuilder.New().AddQueryType<BadQuery>().Create());
        Assert.Contains("input", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_first_schema_is_validated_too()
    {
        var errors = Assert.Throws<SchemaValidationException>(() => SchemaBuilder.New().AddQueryType<EmptyQuery>().Create()).Errors;
        Assert.Equal("Type Query must define one or more fields.", Assert.Single(errors).Message);
    }

    private static async Task<object?> Resolve(Schema schema, FieldDefinition field, object? parent, IReadOnlyDictionary<string, object?>? arguments = null, IServiceProvider? services = null) =>
        await field.Resolver!(new TestResolverContext(schema, field, parent, arguments, services));

    private const string ExpectedLibrarySdl = """"
        """A lending library."""
        type Query {
          library: String!
          count: Int
          tags: [String]!
          genre: Genre!
          renamed: String!

          """Described here."""
          described: String!
          oldTitle: String! @deprecated(reason: "Use title")
          obsolete: Int! @deprecated
          key: ID!
          uuid: UUID!
          at: DateTime!
          day: Date
          big: Long!
          price: Decimal!
          ratio: Float!
          flag: Boolean!
          publication: Publication
          book(id: Int!): Book
          books: [Book!]!
          search(text: String = null): [SearchResult!]!
          add(a: Int!, b: Int! = 2): Int!
          greet(name: String! = "world"): String!
          find(filter: BookFilterInput!, genre: Genre = SCIENCE_FICTION): [Book!]
        }

        enum Genre {
          SCIENCE_FICTION
          FANTASY

          """Software manuals."""
          HTTP_STUFF
          OLD @deprecated
        }

        """
        The `UUID` scalar type represents a universally unique identifier (RFC 9562) as a string such as `"5f2b7c1e-0c8a-4d6f-9b1a-3e2f4a5b6c7d"`.
        """
        scalar UUID @specifiedBy(url: "https://www.rfc-editor.org/rfc/rfc9562")

        """
        The `DateTime` scalar type represents a date and time with an offset from UTC, as an RFC 3339 string such as `"2026-05-01T09:30:00Z"`.
        """
        scalar DateTime @specifiedBy(url: "https://scalars.graphql.org/chillicream/date-time.html")

        """
        The `Date` scalar type represents a calendar date without time, as an RFC 3339 full-date string such as `"2026-05-01"`.
        """
        scalar Date @specifiedBy(url: "https://scalars.graphql.org/chillicream/date.html")

        """
        The `Long` scalar type represents non-fractional signed whole 64-bit numeric values. Long can represent values between -(2^63) and 2^63 - 1.
        """
        scalar Long @specifiedBy(url: "https://scalars.graphql.org/jakobmerrild/long.html")

        """
        The `Decimal` scalar type represents exact signed decimal numbers with up to 28 significant digits, as a JSON number.
        """
        scalar Decimal @specifiedBy(url: "https://learn.microsoft.com/dotnet/api/system.decimal")

        interface Publication {
          title: String!
        }

        type Book implements Publication {
          title: String!
          pages: Int!
          author: Author
        }

        type Author {
          name: String!
          books: [Book!]!
        }

        union SearchResult = Book | Author

        input BookFilterInput {
          title: String
          minPages: Int
          genres: [Genre!]
        }

        type Mutation {
          addBook(input: BookInput!): Book!
        }

        input BookInput {
          title: String!
          pages: Int!
          genre: Genre
          tags: [String!]
        }

        type Subscription {
          onBookAdded: Book!
        }

        type Magazine implements Publication {
          title: String!
          issue: Int!
        }
        """";
}

[GraphQLDescription("A lending library.")]
public sealed class LibraryQuery
{
    private static readonly Book[] Books = [new("Dune", 412, null), new("Emma", 300, null)];

    public string Library => "Central";

    public int? Count => null;

    public IEnumerable<string?> Tags => ["a", null];

    public Genre Genre => Genre.Fantasy;

    [GraphQLName("renamed")]
    public string Original => "o";

    [GraphQLDescription("Described here.")]
    public string Described => "d";

    [GraphQLDeprecated("Use title")]
    public string OldTitle => "old";

    [Obsolete]
    public int Obsolete => 0;

    [GraphQLIgnore]
    public string Hidden => "hidden";

    [ID]
    public string Key => "k";

    public Guid Uuid => Guid.Empty;

    public DateTimeOffset At => DateTimeOffset.UnixEpoch;

    public DateOnly? Day => null;

    public long Big => long.MaxValue;

    public decimal Price => 1.5m;

    public double Ratio => 0.5;

    public bool Flag => true;

    public IPublication? Publication => Books[0];

    public Book? GetBook(int id) => Books.ElementAtOrDefault(id - 1);

    public Task<IReadOnlyList<Book>> GetBooksAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Book>>(Books);

    public ISearchResult[] Search(string? text = null) => [.. Books.Where(b => text is null || b.Title.Contains(text, StringComparison.Ordinal))];

    public int Add(int a, int b = 2) => a + b;

    public string Greet([Parent] LibraryQuery parent, [Service] Shelf shelf, IServiceProvider services, string name = "world") =>
        $"{name} on {shelf.Name} via {parent.GetType().Name}" + (services is null ? "!" : string.Empty);

    public ValueTask<Book[]?> FindAsync(BookFilter filter, Genre? genre = Genre.ScienceFiction) => ValueTask.FromResult<Book[]?>(Books);

    public override string ToString() => "LibraryQuery";
}

public sealed class LibraryMutation
{
    public Task<Book> AddBookAsync(BookInput input) => Task.FromResult(new Book(input.Title, input.Pages, null));
}

public sealed class LibrarySubscription
{
    public async IAsyncEnumerable<Book> OnBookAdded([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        yield return new Book("First", 1, null);
        yield return new Book("Second", 2, null);
    }
}

public interface IPublication
{
    string Title { get; }
}

[UnionType]
public interface ISearchResult
{
}

public sealed record Book(string Title, int Pages, Author? Author) : IPublication, ISearchResult;

public sealed record Author(string Name, IReadOnlyList<Book> Books) : ISearchResult;

public sealed record Magazine(string Title, int Issue) : IPublication;

public sealed record BookFilter(string? Title, int? MinPages, IReadOnlyList<Genre>? Genres);

public sealed class BookInput
{
    public required string Title { get; init; }

    public int Pages { get; set; }

    public Genre? Genre { get; set; }

    public List<string>? Tags { get; set; }
}

public sealed record Shelf(string Name);

public enum Genre
{
    ScienceFiction,
    Fantasy,

    [GraphQLDescription("Software manuals.")]
    HTTPStuff,

    [GraphQLDeprecated]
    Old,
}

public sealed class OverrideQuery
{
    [GraphQLType("[ID!]!")]
    public IEnumerable<int> Ids => [1];
}

public sealed class BadQuery
{
    public int Count(IPublication publication) => 0;
}

public sealed class EmptyQuery
{
}

/// <summary>A service provider with one service, for resolvers that ask for it.</summary>
internal sealed class SingleService(object service) : IServiceProvider
{
    public object? GetService(Type serviceType) => serviceType.IsInstanceOfType(service) ? service : null;
}
