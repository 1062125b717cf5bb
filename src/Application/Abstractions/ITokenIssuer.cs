using Voting.Domain.Users;

namespace Voting.Application.Abstractions;

/// <summary>Issues the tokens a signed-in user presents (implemented with the API's JWT support).</summary>
public interface ITokenIssuer
{
    Task<AuthTokens> IssueAsync(User user, CancellationToken cancellationToken);
}
