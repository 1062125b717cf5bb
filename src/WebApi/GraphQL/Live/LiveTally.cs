using Voting.Application.Elections;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Live;

[GraphQLDescription("An election's tally at one moment, as `tallyUpdated` streams it.")]
public sealed class LiveTally(TallyView view)
{
    [ID]
    public Guid ElectionId { get; } = view.ElectionId.Value;

    [GraphQLDescription("Votes per candidate, in ballot order.")]
    public IReadOnlyList<CandidateVotes> Candidates { get; } = [.. view.Candidates.Select(c => new CandidateVotes(c))];

    [GraphQLDescription("Ballots counted.")]
    public long Total { get; } = view.Total;

    [GraphQLDescription("The highest ballot sequence counted. It never goes backwards: of two snapshots, the one with the larger version is the newer.")]
    public long Version { get; } = view.Version;

    [GraphQLDescription("When the count was read.")]
    public DateTimeOffset AsOf { get; } = view.AsOf;
}
