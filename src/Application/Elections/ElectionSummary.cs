using Voting.Domain.Elections;

namespace Voting.Application.Elections;

/// <summary>
/// One row of the election list, as <see cref="Abstractions.IElectionQueries.Summaries"/> projects it.
/// A class with init-only properties rather than a positional record, and a plain <see cref="Guid"/>
/// rather than <see cref="ElectionId"/>, because callers compose conditions, orders and keyset
/// pages over these properties and a query provider can translate those only through member
/// initialisers and on scalar columns.
/// </summary>
public sealed class ElectionSummary
{
    public required Guid Id { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public required ElectionStatus Status { get; init; }

    public required DateTimeOffset OpensAt { get; init; }

    public required DateTimeOffset ClosesAt { get; init; }

    public required ResultsVisibility ResultsVisibility { get; init; }

    public required int CandidateCount { get; init; }
}
