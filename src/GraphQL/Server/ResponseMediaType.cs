namespace Voting.GraphQL.Server;

/// <summary>The media types a GraphQL response can be written in (GraphQL over HTTP, "Media Types").</summary>
internal enum ResponseMediaType
{
    /// <summary><c>application/json</c>: the legacy type; request errors still answer 200.</summary>
    Json,

    /// <summary><c>application/graphql-response+json</c>: status codes tell request errors (4xx) from executed operations (2xx).</summary>
    GraphQLResponseJson,
}
