using Voting.Application.Elections;
using Voting.Domain.Elections;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL;

[GraphQLName("Election")]
[GraphQLDescription("An election: what it decides, when it is open, where it stands, and the candidates on its ballot.")]
public sealed class ElectionNode
{
    private readonly IReadOnlyList<CandidateView>? _candidates;

    internal ElectionNode(ElectionSummary summary)
    {
        Id = summary.Id.Value;
        Title = summary.Title;
        Description = summary.Description;
        Status = summary.Status;
        OpensAt = summary.OpensAt;
        ClosesAt = summary.ClosesAt;
        ResultsVisibility = summary.ResultsVisibility;
    }

    internal ElectionNode(ElectionDetails details)
    {
        Id = details.Id.Value;
        Title = details.Title;
        Description = details.Description;
        Status = details.Status;
        OpensAt = details.OpensAt;
        ClosesAt = details.ClosesAt;
        ResultsVisibility = details.ResultsVisibility;
        _candidates = details.Candidates;
    }

    [ID]
    public Guid Id { get; }

    public string Title { get; }

    public string Description { get; }

    public ElectionStatus Status { get; }

    [GraphQLDescription("When voting opens.")]
    public DateTimeOffset OpensAt { get; }

    [GraphQLDescription("When voting closes.")]
    public DateTimeOffset ClosesAt { get; }

    [GraphQLDescription("Whether counts are visible while voting runs (LIVE) or only after it closes (AFTER_CLOSE).")]
    public ResultsVisibility ResultsVisibility { get; }

    [GraphQLDescription("The candidates in ballot order.")]
    public async Task<IReadOnlyList<CandidateNode>> GetCandidatesAsync(CandidatesByElectionDataLoader candidatesByElection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidatesByElection);
        var candidates = _candidates ?? await candidatesByElection.LoadAsync(new ElectionId(Id), cancellationToken).ConfigureAwait(false);
        return [.. candidates.Select(c => new CandidateNode(c))];
    }
}
