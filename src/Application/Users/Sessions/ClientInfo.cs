namespace Voting.Application.Users.Sessions;

/// <summary>What the session list shows about where a sign-in came from.</summary>
public sealed record ClientInfo(string? UserAgent, string? Address)
{
    public static ClientInfo Unknown { get; } = new(null, null);
}
