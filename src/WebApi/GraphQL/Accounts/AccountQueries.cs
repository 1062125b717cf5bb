using Voting.Application.Users.GetMe;
using Voting.GraphQL.Server.Authorization;
using Voting.GraphQL.Types;
using Voting.WebApi.GraphQL.Accounts;

namespace Voting.WebApi.GraphQL;

/// <summary>Accounts.</summary>
public sealed partial class Query
{
    [Authorize]
    [GraphQLDescription("The signed-in user, with their live sessions.")]
    public async Task<Me> GetMeAsync([Service] GetMeHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new Me(await handler.HandleAsync(cancellationToken).ConfigureAwait(false));
    }
}
