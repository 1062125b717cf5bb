using Voting.Application.Abstractions;
using Voting.Application.Common;

namespace Voting.Application.Chat.GetMyDirectConversations;

public sealed record GetMyDirectConversationsQuery;

public sealed class GetMyDirectConversationsHandler(ICurrentUser currentUser, IChatQueries queries)
{
    public Task<IReadOnlyList<DirectConversation>> HandleAsync(GetMyDirectConversationsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return queries.ListDirectConversationsOfAsync(currentUser.RequireSignedIn(), cancellationToken);
    }
}
