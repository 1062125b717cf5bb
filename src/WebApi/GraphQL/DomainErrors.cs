using Voting.Application.Chat;
using Voting.Application.Common;
using Voting.Domain.Common;
using Voting.GraphQL.Errors;

namespace Voting.WebApi.GraphQL;

/// <summary>
/// The one place domain and application errors become GraphQL errors: the rule's message and its
/// code in <c>extensions.code</c>, and for a failed validation the messages per input field.
/// </summary>
internal static class DomainErrors
{
    public static GraphQLException? Translate(Exception exception) => exception switch
    {
        ValidationFailedException invalid => new GraphQLException(
            invalid.Message,
            invalid.Code,
            new Dictionary<string, object?> { ["fields"] = invalid.Errors.ToDictionary(e => e.Key, e => (object?)e.Value) },
            invalid),
        RateLimitedException limited => new GraphQLException(
            limited.Message,
            limited.Code,
            new Dictionary<string, object?> { ["retryAfter"] = limited.RetryAfterSeconds },
            limited),
        DomainException refused => new GraphQLException(refused.Message, refused.Code, innerException: refused),
        _ => null,
    };
}
