using Voting.Application.Elections.GetElection;
using Voting.Application.Elections.ListElections;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL;

/// <summary>The query root. Resolvers stay thin: arguments in, a use case called, read models out.</summary>
public sealed partial class Query
{
    [GraphQLDescription("Elections, the latest opening first. Drafts are listed only for election officials.")]
    public async Task<IReadOnlyList<ElectionNode>> GetElectionsAsync(
        [Service] ListElectionsHandler handler,
        CancellationToken cancellationToken,
        [GraphQLDescription("Only elections in one of these states.")] IReadOnlyList<ElectionStatus>? status = null,
        [GraphQLDescription("How many to leave out from the start.")] int skip = 0,
        [GraphQLDescription("How many to return, at most 200.")] int take = 50)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var summaries = await handler.HandleAsync(new ListElectionsQuery(status, skip, take), cancellationToken).ConfigureAwait(false);
        return [.. summaries.Select(s => new ElectionNode(s))];
    }

    [GraphQLDescription("One election by its ID; null when there is none or it is a draft you may not see.")]
    public async Task<ElectionNode?> GetElectionAsync([ID] Guid id, [Service] GetElectionHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        try
        {
            return new ElectionNode(await handler.HandleAsync(new GetElectionQuery(new ElectionId(id)), cancellationToken).ConfigureAwait(false));
        }
        catch (DomainException error) when (error.Code == ErrorCodes.NotFound)
        {
            return null;
        }
    }
}
