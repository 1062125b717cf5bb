using Voting.Application.Elections.AddCandidate;
using Voting.Application.Elections.ChangeElectionStatus;
using Voting.Application.Elections.CreateElection;
using Voting.Application.Elections.GetCandidate;
using Voting.Application.Elections.GetElection;
using Voting.Application.Elections.RemoveCandidate;
using Voting.Application.Elections.SetVoterRoll;
using Voting.Application.Elections.UpdateElection;
using Voting.Application.Voting.CastVote;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Voting.GraphQL.Server.Authorization;
using Voting.GraphQL.Types;
using Voting.WebApi.GraphQL.Elections;

namespace Voting.WebApi.GraphQL;

/// <summary>
/// Running elections (admins and election officers; the use cases check the same roles again) and
/// voting. Each returns what it changed, read back through the query side.
/// </summary>
public sealed partial class Mutation
{
    [Authorize(Roles = [nameof(Role.Admin), nameof(Role.ElectionOfficer)])]
    [GraphQLDescription("Officials: creates an election as a draft, seen only by officials until it is scheduled.")]
    public async Task<ElectionNode> CreateElectionAsync(
        [GraphQLDescription("The election's details.")] CreateElectionInput input,
        [Service] CreateElectionHandler handler,
        [Service] GetElectionHandler elections,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(handler);
        var command = new CreateElectionCommand(
            input.Title,
            input.Description,
            input.OpensAt,
            input.ClosesAt,
            BallotKind.SingleChoice,
            input.ResultsVisibility ?? ResultsVisibility.AfterClose);
        var id = await handler.HandleAsync(command, cancellationToken).ConfigureAwait(false);
        return await ElectionAsync(elections, id, cancellationToken).ConfigureAwait(false);
    }

    [Authorize(Roles = [nameof(Role.Admin), nameof(Role.ElectionOfficer)])]
    [GraphQLDescription("Officials: replaces a draft or scheduled election's details (INVALID_STATE once it is open).")]
    public async Task<ElectionNode> UpdateElectionAsync(
        [GraphQLDescription("The election and its new details.")] UpdateElectionInput input,
        [Service] UpdateElectionHandler handler,
        [Service] GetElectionHandler elections,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(handler);
        var id = new ElectionId(input.ElectionId);
        await handler.HandleAsync(new UpdateElectionCommand(id, input.Title, input.Description, input.OpensAt, input.ClosesAt, input.ResultsVisibility), cancellationToken).ConfigureAwait(false);
        return await ElectionAsync(elections, id, cancellationToken).ConfigureAwait(false);
    }

    [Authorize(Roles = [nameof(Role.Admin), nameof(Role.ElectionOfficer)])]
    [GraphQLDescription("Officials: puts a candidate on a draft or scheduled election's ballot. Returns the candidate.")]
    public async Task<CandidateNode> AddCandidateAsync(
        [GraphQLDescription("The election and the candidate.")] AddCandidateInput input,
        [Service] AddCandidateHandler handler,
        [Service] GetCandidateHandler candidates,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(candidates);
        var id = await handler.HandleAsync(new AddCandidateCommand(new ElectionId(input.ElectionId), input.Name, input.Description, input.BallotOrder), cancellationToken).ConfigureAwait(false);
        var added = await candidates.HandleAsync(new GetCandidateQuery(id), cancellationToken).ConfigureAwait(false);
        return new CandidateNode(added.Candidate, input.ElectionId);
    }

    [Authorize(Roles = [nameof(Role.Admin), nameof(Role.ElectionOfficer)])]
    [GraphQLDescription("Officials: takes a candidate off a draft or scheduled election's ballot. Returns the election.")]
    public async Task<ElectionNode> RemoveCandidateAsync(
        [GraphQLDescription("The election and the candidate.")] RemoveCandidateInput input,
        [Service] RemoveCandidateHandler handler,
        [Service] GetElectionHandler elections,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(handler);
        var id = new ElectionId(input.ElectionId);
        await handler.HandleAsync(new RemoveCandidateCommand(id, new CandidateId(input.CandidateId)), cancellationToken).ConfigureAwait(false);
        return await ElectionAsync(elections, id, cancellationToken).ConfigureAwait(false);
    }

    [Authorize(Roles = [nameof(Role.Admin), nameof(Role.ElectionOfficer)])]
    [GraphQLDescription("Officials: restricts a draft or scheduled election to a list of citizen IDs (up to the roll's maximum), or opens it to every registered voter again with null.")]
    public async Task<VoterRollNode> SetVoterRollAsync(
        [GraphQLDescription("The election and its roll.")] SetVoterRollInput input,
        [Service] SetVoterRollHandler handler,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(handler);
        return new VoterRollNode(await handler.HandleAsync(new SetVoterRollCommand(new ElectionId(input.ElectionId), input.CitizenIds), cancellationToken).ConfigureAwait(false));
    }

    [Authorize(Roles = [nameof(Role.Admin), nameof(Role.ElectionOfficer)])]
    [GraphQLDescription("Officials: schedules a draft (at least two candidates, a non-empty roll if it uses one, closing time ahead); it becomes public.")]
    public Task<ElectionNode> ScheduleElectionAsync(
        [ID, GraphQLDescription("The election's ID.")] Guid electionId,
        [Service] ChangeElectionStatusHandler handler,
        [Service] GetElectionHandler elections,
        CancellationToken cancellationToken) =>
        TransitionAsync(electionId, ElectionTransition.Schedule, handler, elections, cancellationToken);

    [Authorize(Roles = [nameof(Role.Admin), nameof(Role.ElectionOfficer)])]
    [GraphQLDescription("Officials: opens a scheduled election for voting, between its opening and closing times.")]
    public Task<ElectionNode> OpenElectionAsync(
        [ID, GraphQLDescription("The election's ID.")] Guid electionId,
        [Service] ChangeElectionStatusHandler handler,
        [Service] GetElectionHandler elections,
        CancellationToken cancellationToken) =>
        TransitionAsync(electionId, ElectionTransition.Open, handler, elections, cancellationToken);

    [Authorize(Roles = [nameof(Role.Admin), nameof(Role.ElectionOfficer)])]
    [GraphQLDescription("Officials: closes an open election once its closing time has come; the electorate is fixed then.")]
    public Task<ElectionNode> CloseElectionAsync(
        [ID, GraphQLDescription("The election's ID.")] Guid electionId,
        [Service] ChangeElectionStatusHandler handler,
        [Service] GetElectionHandler elections,
        CancellationToken cancellationToken) =>
        TransitionAsync(electionId, ElectionTransition.Close, handler, elections, cancellationToken);

    [Authorize(Roles = [nameof(Role.Admin), nameof(Role.ElectionOfficer)])]
    [GraphQLDescription("Officials: cancels a draft, scheduled or open election for good.")]
    public Task<ElectionNode> CancelElectionAsync(
        [ID, GraphQLDescription("The election's ID.")] Guid electionId,
        [Service] ChangeElectionStatusHandler handler,
        [Service] GetElectionHandler elections,
        CancellationToken cancellationToken) =>
        TransitionAsync(electionId, ElectionTransition.Cancel, handler, elections, cancellationToken);

    [Authorize(Roles = [nameof(Role.Admin), nameof(Role.ElectionOfficer)])]
    [GraphQLDescription("Officials: publishes a closed election's results to everyone.")]
    public Task<ElectionNode> PublishResultsAsync(
        [ID, GraphQLDescription("The election's ID.")] Guid electionId,
        [Service] ChangeElectionStatusHandler handler,
        [Service] GetElectionHandler elections,
        CancellationToken cancellationToken) =>
        TransitionAsync(electionId, ElectionTransition.PublishResults, handler, elections, cancellationToken);

    [Authorize(Roles = [nameof(Role.Voter)])]
    [GraphQLDescription("Voters: casts your ballot in an open election and returns its receipt, once. ELECTION_NOT_OPEN, NOT_ELIGIBLE (not on the voter roll), ALREADY_VOTED, NOT_FOUND (no such candidate in the election).")]
    public async Task<VoteReceiptNode> CastVoteAsync(
        [GraphQLDescription("The election and the chosen candidate.")] CastVoteInput input,
        [Service] CastVoteHandler handler,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(handler);
        return new VoteReceiptNode(await handler.HandleAsync(new CastVoteCommand(new ElectionId(input.ElectionId), new CandidateId(input.CandidateId)), cancellationToken).ConfigureAwait(false));
    }

    private static async Task<ElectionNode> TransitionAsync(Guid electionId, ElectionTransition transition, ChangeElectionStatusHandler handler, GetElectionHandler elections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var id = new ElectionId(electionId);
        await handler.HandleAsync(new ChangeElectionStatusCommand(id, transition), cancellationToken).ConfigureAwait(false);
        return await ElectionAsync(elections, id, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ElectionNode> ElectionAsync(GetElectionHandler elections, ElectionId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(elections);
        return ElectionNode.From(await elections.HandleAsync(new GetElectionQuery(id), cancellationToken).ConfigureAwait(false));
    }
}
