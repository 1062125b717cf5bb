using Microsoft.EntityFrameworkCore;

namespace Voting.WebApi.Tests.GraphQL.EntityFramework;

/// <summary>A small database of its own, so the data attributes are tested on EF Core without the voting model.</summary>
public sealed class ArticleDbContext(DbContextOptions<ArticleDbContext> options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();
}

public sealed class Article
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public int Rank { get; set; }

    public int? Score { get; set; }
}
