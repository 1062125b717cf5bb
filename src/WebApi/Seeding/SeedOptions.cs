using System.ComponentModel.DataAnnotations;

namespace Voting.WebApi.Seeding;

/// <summary>The <c>Seed</c> section: demo data for a newcomer's first run (Development only).</summary>
internal sealed class SeedOptions
{
    public const string SectionName = "Seed";

    public bool Enabled { get; set; }

    [Required]
    public SeedAccount Admin { get; set; } = new();

    /// <summary>The password of the three demo voters.</summary>
    [Required(AllowEmptyStrings = false)]
    public string VoterPassword { get; set; } = string.Empty;
}
