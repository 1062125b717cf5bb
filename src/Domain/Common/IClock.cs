namespace Voting.Domain.Common;

/// <summary>The time source every time-dependent rule is checked against.</summary>
public interface IClock
{
    DateTimeOffset UtcNow { get; }
}
