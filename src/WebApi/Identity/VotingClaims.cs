namespace Voting.WebApi.Identity;

/// <summary>The claims our access tokens carry, by their JWT names (inbound claim mapping is off).</summary>
internal static class VotingClaims
{
    public const string Subject = "sub";
    public const string Session = "sid";
    public const string Role = "role";
}
