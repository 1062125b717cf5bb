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
        DomainException refused => new GraphQLException(refused.Message, refused.Code, innerException: refused),
        _ => null,
    };
}
