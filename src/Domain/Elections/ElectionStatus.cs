namespace Voting.Domain.Elections;

/// <summary>Draft → Scheduled → Open → Closed → ResultsPublished; Cancelled from any state before Closed.</summary>
public enum ElectionStatus
{
    Draft = 0,
    Scheduled = 1,
    Open = 2,
    Closed = 3,
    ResultsPublished = 4,
    Cancelled = 5,
}
