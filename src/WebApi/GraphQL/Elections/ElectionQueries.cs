using Voting.Application.Elections.GetCandidate;
using Voting.Application.Elections.GetElection;
using Voting.Application.Elections.GetResults;
using Voting.Application.Elections.GetTally;
using Voting.Application.Elections.ListElections;
using Voting.Application.Voting.GetMyParticipation;
using Voting.Application.Voting.VerifyReceipt;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.GraphQL.Data;
using Voting.GraphQL.Server.Authorization;
using Voting.GraphQL.Types;
using Voting.WebApi.GraphQL.Elections;

namespace Voting.WebApi.GraphQL;

/// <summary>Elections, candidates, tallies, results and receipts.</summary>
public sealed partial class Query
{
    public const int ElectionsPageSize = 20;

    public const int ElectionsMaxPageSize = 100;

    [UsePaging(DefaultPageSize = ElectionsPageSize, MaxPageSize = ElectionsMaxPageSize)]
    [UseFiltering]
    [UseSorting]
    [GraphQLDescription("Elections, 20 to a page (at most 100), in creation order unless `order` says otherwise. Drafts are listed only for election officials.")]
    public IQueryable<ElectionNode> GetElections([Service] ListElectionsHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return ElectionNode.Project(handler.Handle(new ListElectionsQuery()));
    }

    [GraphQLDescription("One election by its ID; null when there is none or it is a draft you may not see.")]
    public Task<ElectionNode?> GetElectionAsync(
        [ID, GraphQLDescription("The election's ID.")] Guid id,
        [Service] GetElectionHandler handler,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return NullWhenNotFound(async () => ElectionNode.From(await handler.HandleAsync(new GetElectionQuery(new ElectionId(id)), cancellationToken).ConfigureAwait(false)));
    }

    [GraphQLDescription("One candidate by its ID; null when there is none or its election is a draft you may not see.")]
    public Task<CandidateNode?> GetCandidateAsync(
        [ID, GraphQLDescription("The candidate's ID.")] Guid id,
        [Service] GetCandidateHandler handler,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return NullWhenNotFound(async () =>
        {
            var found = await handler.HandleAsync(new GetCandidateQuery(new CandidateId(id)), cancellationToken).ConfigureAwait(false);
            return new CandidateNode(found.Candidate, found.ElectionId.Value);
        });
    }

    [Authorize]
    [GraphQLDescription("Signed in: whether you voted in the election and when (to the hour), never how. NOT_FOUND when there is no such election you may see.")]
    public async Task<ParticipationNode> GetMyParticipationAsync(
        [ID, GraphQLDescription("The election's ID.")] Guid electionId,
        [Service] GetMyParticipationHandler handler,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new ParticipationNode(await handler.HandleAsync(new GetMyParticipationQuery(new ElectionId(electionId)), cancellationToken).ConfigureAwait(false));
    }

    [GraphQLDescription("The running count: while the election is open only when its results visibility is LIVE, and to everyone once it closes (FORBIDDEN otherwise).")]
    public async Task<TallyNode> GetTallyAsync(
        [ID, GraphQLDescription("The election's ID.")] Guid electionId,
        [Service] GetTallyHandler handler,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new TallyNode(await handler.HandleAsync(new GetTallyQuery(new ElectionId(electionId)), cancellationToken).ConfigureAwait(false));
    }

    [GraphQLDescription("The outcome: public once published, seen by election officials from closing (FORBIDDEN otherwise).")]
    public async Task<ResultsNode> GetResultsAsync(
        [ID, GraphQLDescription("The election's ID.")] Guid electionId,
        [Service] GetResultsHandler handler,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new ResultsNode(await handler.HandleAsync(new GetResultsQuery(new ElectionId(electionId)), cancellationToken).ConfigureAwait(false));
    }

    [GraphQLDescription("Whether the ballot behind a receipt is recorded in the election, and at which sequence; never the choice. Anyone holding a receipt may ask.")]
    public async Task<ReceiptVerificationNode> VerifyReceiptAsync(
        [ID, GraphQLDescription("The election's ID.")] Guid electionId,
        [GraphQLDescription("The receipt `castVote` returned.")] string receipt,
        [Service] VerifyReceiptHandler handler,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new ReceiptVerificationNode(await handler.HandleAsync(new VerifyReceiptQuery(new ElectionId(electionId), receipt), cancellationToken).ConfigureAwait(false));
    }

    private static async Task<T?> NullWhenNotFound<T>(Func<Task<T>> find)
        where T : class
    {
        try
        {
            return await find().ConfigureAwait(false);
        }
        catch (DomainException error) when (error.Code == ErrorCodes.NotFound)
        {
            return null;
        }
    }
}
