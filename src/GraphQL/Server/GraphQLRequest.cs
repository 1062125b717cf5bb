namespace Voting.GraphQL.Server;

/// <summary>
/// The request parameters of GraphQL over HTTP: <c>query</c>, <c>operationName</c>, <c>variables</c> and
/// <c>extensions</c>, read from a JSON body or a GET query string. The query may be absent when an
/// automatic persisted query names it by hash in <c>extensions.persistedQuery</c>.
/// </summary>
internal sealed record GraphQLRequest(
    string? Query,
    string? OperationName = null,
    IReadOnlyDictionary<string, object?>? Variables = null,
    IReadOnlyDictionary<string, object?>? Extensions = null);
