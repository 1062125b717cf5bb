namespace Voting.WebApi.Seeding;

internal sealed class SeedAccount
{
    public string CitizenId { get; set; } = string.Empty;

    public string Phone { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;
}
