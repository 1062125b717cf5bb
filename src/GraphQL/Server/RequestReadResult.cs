namespace Voting.GraphQL.Server;

/// <summary>Either the request parameters or why the HTTP request does not carry a well-formed GraphQL request.</summary>
internal readonly record struct RequestReadResult(GraphQLRequest? Request, string? Problem)
{
    public static RequestReadResult Success(GraphQLRequest request) => new(request, null);

    public static RequestReadResult Malformed(string problem) => new(null, problem);
}
