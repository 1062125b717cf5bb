namespace Voting.Domain.Chat;

/// <summary>What a system message announces; clients may render it in their own words.</summary>
public enum SystemNotice
{
    Welcome = 0,
    ElectionOpened = 1,
    ElectionClosed = 2,
    ElectionResultsPublished = 3,
}
