namespace Voting.Application.Users.Sessions;

/// <summary>How long a refresh token lives unless rotated (sliding: each refresh starts it again).</summary>
public sealed record SessionOptions
{
    public TimeSpan RefreshTokenLifetime { get; init; } = TimeSpan.FromDays(14);
}
