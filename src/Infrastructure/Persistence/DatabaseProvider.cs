namespace Voting.Infrastructure.Persistence;

public enum DatabaseProvider
{
    /// <summary>The embedded default: one file, no server.</summary>
    Sqlite = 0,

    /// <summary>The production database.</summary>
    Postgres = 1,
}
