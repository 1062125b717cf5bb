namespace Voting.WebApi.Identity;

/// <summary>How many login attempts a citizen ID, and an IP address, may make per window.</summary>
public sealed class LoginThrottleOptions
{
    public const string SectionName = "Accounts:LoginRateLimit";

    public int PerCitizenId { get; set; } = 5;

    public int PerAddress { get; set; } = 30;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
