namespace Voting.Application.Elections;

/// <summary>
/// The outcome: the final tally, the winners (more than one when the top count is tied), and
/// turnout as participations over the electorate.
/// </summary>
public sealed record ResultsView(
    TallyView Tally,
    IReadOnlyList<CandidateTally> Winners,
    bool IsTie,
    long Participations,
    long Electorate,
    double Turnout,
    bool Published);
