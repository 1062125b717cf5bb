using Voting.GraphQL.Data;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Data;

public enum Genre
{
    Fiction,
    Science,
    History,
}

/// <summary>An element type with a property of every kind the data attributes treat differently.</summary>
public sealed class Book
{
    public required int Id { get; init; }

    public required string Title { get; init; }

    public string? Subtitle { get; init; }

    public required int Pages { get; init; }

    public required decimal Price { get; init; }

    public required DateTime Published { get; init; }

    public required bool InPrint { get; init; }

    public required Genre Genre { get; init; }

    public int? Edition { get; init; }

    [GraphQLName("writer")]
    public required string Author { get; init; }

    [GraphQLIgnore]
    public string Secret { get; init; } = "hidden";

    // An object and a list: no filter or sort operations, so left out of the inputs.
    public Shelf? Shelf { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];
}

public sealed record Shelf(string Name);

/// <summary>Twelve books; pages and editions repeat so that orders need the tie-breaker.</summary>
public static class Catalog
{
    public static IReadOnlyList<Book> Books { get; } =
    [
        Make(1, "Dune", null, 412, 9.99m, 1965, true, Genre.Fiction, 1, "Herbert"),
        Make(2, "Cosmos", "A Personal Voyage", 396, 15.50m, 1980, true, Genre.Science, 2, "Sagan"),
        Make(3, "SPQR", "A History of Ancient Rome", 608, 20m, 2015, true, Genre.History, null, "Beard"),
        Make(4, "Emma", null, 412, 7.25m, 1815, false, Genre.Fiction, 3, "Austen"),
        Make(5, "dune messiah", null, 256, 8.99m, 1969, true, Genre.Fiction, 1, "Herbert"),
        Make(6, "The Selfish Gene", null, 360, 12m, 1976, false, Genre.Science, null, "Dawkins"),
        Make(7, "100% Pure_Fun\\", "wildcards", 100, 1m, 2001, true, Genre.Fiction, 2, "Anon"),
        Make(8, "100 Pure Fun", null, 100, 1m, 2002, true, Genre.Fiction, 1, "Anon"),
        Make(9, "Guns, Germs, and Steel", null, 480, 14m, 1997, true, Genre.History, 2, "Diamond"),
        Make(10, "A Brief History of Time", null, 256, 11m, 1988, true, Genre.Science, null, "Hawking"),
        Make(11, "Middlemarch", null, 880, 6.5m, 1871, false, Genre.Fiction, 4, "Eliot"),
        Make(12, "Émile", "ÉDUCATION", 412, 5m, 1762, false, Genre.History, null, "Rousseau"),
    ];

    private static Book Make(int id, string title, string? subtitle, int pages, decimal price, int year, bool inPrint, Genre genre, int? edition, string author) => new()
    {
        Id = id,
        Title = title,
        Subtitle = subtitle,
        Pages = pages,
        Price = price,
        Published = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        InPrint = inPrint,
        Genre = genre,
        Edition = edition,
        Author = author,
        Shelf = new Shelf("A"),
        Tags = ["t"],
    };
}

/// <summary>The fields under test; the attributes of <see cref="GetShelf"/> are written out of HotChocolate's order on purpose.</summary>
public sealed class CatalogQuery
{
    [UseFiltering]
    public IQueryable<Book> GetBooks() => Catalog.Books.AsQueryable();

    [UseSorting]
    public IEnumerable<Book> GetSortedBooks() => Catalog.Books;

    [UseFiltering]
    [UseSorting]
    public Task<IQueryable<Book>> GetFilteredSortedBooksAsync() => Task.FromResult(Catalog.Books.AsQueryable());

    [UseSorting]
    [UseFiltering]
    [UsePaging(DefaultPageSize = 3, MaxPageSize = 5)]
    public IQueryable<Book> GetShelf(string? genreName = null) =>
        genreName is null ? Catalog.Books.AsQueryable() : Catalog.Books.AsQueryable().Where(b => b.Genre.ToString() == genreName);

    [UsePaging]
    public IQueryable<Book>? GetNothing() => null;

    [UsePaging]
    public IEnumerable<Book> GetEverything() => Catalog.Books;
}
