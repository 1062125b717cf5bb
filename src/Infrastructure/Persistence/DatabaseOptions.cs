using System.ComponentModel.DataAnnotations;

namespace Voting.Infrastructure.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = "Data Source=data/voting.db";

    /// <summary>Apply pending schema migrations when the host starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
