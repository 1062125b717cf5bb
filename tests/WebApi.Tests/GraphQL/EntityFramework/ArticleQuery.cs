using Voting.GraphQL.Data;
using Voting.GraphQL.Types;

namespace Voting.WebApi.Tests.GraphQL.EntityFramework;

public sealed class ArticleQuery
{
    [UsePaging(MaxPageSize = 20)]
    [UseFiltering]
    [UseSorting]
    public IQueryable<Article> GetArticles([Service] ArticleDbContext db) => db.Articles;

    [UseFiltering]
    [UseSorting]
    public IQueryable<Article> GetArticleList([Service] ArticleDbContext db) => db.Articles;
}
