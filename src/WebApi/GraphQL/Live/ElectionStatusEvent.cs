using Voting.Application.Elections;
using Voting.Domain.Elections;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Live;

[GraphQLName("ElectionStatusChange")]
[GraphQLDescription("An election moved to a new status.")]
public sealed class ElectionStatusEvent(ElectionStatusChange change, long sequence)
{
    [GraphQLDescription("Its place among this election's changes: resume `electionStatusChanged(afterSequence:)` after the last one seen.")]
    public long Sequence { get; } = sequence;

    [ID]
    public Guid ElectionId { get; } = change.ElectionId.Value;

    public ElectionStatus Status { get; } = change.Status;

    [GraphQLDescription("When the election reached this status.")]
    public DateTimeOffset ChangedAt { get; } = change.ChangedAt;
}
