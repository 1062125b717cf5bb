using Voting.Application.Elections;
using Voting.Domain.Elections;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL;

/// <summary>
/// The Election type. Its properties are init-only so that <see cref="Project"/> is a member
/// initialiser: the <c>where</c>, <c>order</c> and paging of <c>elections</c> are written against
/// these properties and EF Core translates them through it into one SQL query.
/// </summary>
[GraphQLName("Election")]
[GraphQLDescription("An election: what it decides, when it is open, where it stands, and the candidates on its ballot.")]
public sealed class ElectionNode
{
    [ID]
    [GraphQLDescription("The election's ID.")]
    public required Guid Id { get; init; }

    [GraphQLDescription("What the election decides.")]
    public required string Title { get; init; }

    [GraphQLDescription("More about it; may be empty.")]
    public required string Description { get; init; }

    [GraphQLDescription("Where the election stands in its lifecycle: DRAFT → SCHEDULED → OPEN → CLOSED → RESULTS_PUBLISHED, or CANCELLED.")]
    public required ElectionStatus Status { get; init; }

    [GraphQLDescription("When voting opens.")]
    public required DateTimeOffset OpensAt { get; init; }

    [GraphQLDescription("When voting closes.")]
    public required DateTimeOffset ClosesAt { get; init; }

    [GraphQLDescription("Whether counts are visible while voting runs (LIVE) or only after it closes (AFTER_CLOSE).")]
    public required ResultsVisibility ResultsVisibility { get; init; }

    [GraphQLDescription("How many candidates stand.")]
    public required int CandidateCount { get; init; }

    /// <summary>The candidates when they came with the election (one election by ID); otherwise the DataLoader batches them.</summary>
    internal IReadOnlyList<CandidateView>? Candidates { get; init; }

    [GraphQLDescription("The candidates in ballot order.")]
    public async Task<IReadOnlyList<CandidateNode>> GetCandidatesAsync(CandidatesByElectionDataLoader candidatesByElection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidatesByElection);
        var candidates = Candidates ?? await candidatesByElection.LoadAsync(new ElectionId(Id), cancellationToken).ConfigureAwait(false);
        return [.. candidates.Select(c => new CandidateNode(c, Id))];
    }

    /// <summary>Summaries as nodes, still a query: conditions and orders on the nodes translate to the summaries' columns.</summary>
    internal static IQueryable<ElectionNode> Project(IQueryable<ElectionSummary> summaries) =>
        summaries.Select(s => new ElectionNode
        {
            Id = s.Id,
            Title = s.Title,
            Description = s.Description,
            Status = s.Status,
            OpensAt = s.OpensAt,
            ClosesAt = s.ClosesAt,
            ResultsVisibility = s.ResultsVisibility,
            CandidateCount = s.CandidateCount,
        });

    internal static ElectionNode From(ElectionDetails details) => new()
    {
        Id = details.Id.Value,
        Title = details.Title,
        Description = details.Description,
        Status = details.Status,
        OpensAt = details.OpensAt,
        ClosesAt = details.ClosesAt,
        ResultsVisibility = details.ResultsVisibility,
        CandidateCount = details.Candidates.Count,
        Candidates = details.Candidates,
    };
}
