using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Voting.Domain.Elections;
using Voting.Infrastructure.Persistence;
using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Persistence;

/// <summary>The hand-written migrations against the model, and an upgrade from the first schema version.</summary>
public abstract class SchemaTests(DatabaseFixture fixture)
{
    private const string FirstVersion = "20261121000001_InitialSchema";

    [Fact]
    public async Task Migrations_build_exactly_the_schema_the_model_describes()
    {
        var fromModel = await fixture.CreateDatabaseAsync();
        try
        {
            await using var modelServices = fixture.BuildServices(fromModel, configure: null);
            await using (var scope = modelServices.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<VotingDbContext>().Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
            }

            var migrated = await DescribeAsync(fixture.Services);
            var expected = await DescribeAsync(modelServices);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, migrated);
        }
        finally
        {
            await fixture.DropDatabaseAsync(fromModel);
        }
    }

    [Fact]
    public async Task A_database_at_the_first_version_is_upgraded_with_its_data_intact()
    {
        var connectionString = await fixture.CreateDatabaseAsync();
        try
        {
            await using var services = fixture.BuildServices(connectionString, configure: null);
            var ids = new { User = Guid.NewGuid(), Election = Guid.NewGuid(), Alice = Guid.NewGuid(), Bob = Guid.NewGuid(), Ballot = Guid.NewGuid() };
            // (Version 7 drops the ballot's and the participation's own IDs: what remains is checked below.)
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<VotingDbContext>();
                await db.GetService<IMigrator>().MigrateAsync(FirstVersion, TestContext.Current.CancellationToken);
                Assert.Equal([FirstVersion], await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));

                // Rows as version 1 wrote them (no eligibility columns, no outbox).
                var at = Timestamp(db, new DateTimeOffset(2030, 5, 1, 9, 0, 0, TimeSpan.Zero));
                var closes = Timestamp(db, new DateTimeOffset(2030, 5, 2, 9, 0, 0, TimeSpan.Zero));
                await db.Database.ExecuteSqlRawAsync(
                    """INSERT INTO "Users" ("Id","CitizenId","Phone","PasswordHash","Roles","RegisteredAt") VALUES ({0},{1},{2},{3},{4},{5})""",
                    [ids.User, CitizenIds.Make(1), "+66812345678", "hash", 4, at], TestContext.Current.CancellationToken);
                await db.Database.ExecuteSqlRawAsync(
                    """
                    INSERT INTO "Elections" ("Id","Title","Description","OpensAt","ClosesAt","Status","BallotKind","ResultsVisibility","CreatedBy","CreatedAt","OpenedAt","Version")
                    VALUES ({0},'Mayor','',{1},{2},2,0,0,{3},{1},{1},5)
                    """,
                    [ids.Election, at, closes, ids.User], TestContext.Current.CancellationToken);
                await db.Database.ExecuteSqlRawAsync(
                    """INSERT INTO "Candidates" ("Id","ElectionId","Name","Description","DisplayOrder") VALUES ({0},{1},'Alice','',1), ({2},{1},'Bob','',2)""",
                    [ids.Alice, ids.Election, ids.Bob], TestContext.Current.CancellationToken);
                await db.Database.ExecuteSqlRawAsync(
                    """INSERT INTO "Participations" ("Id","ElectionId","VoterId","VotedAt") VALUES ({0},{1},{2},{3})""",
                    [Guid.NewGuid(), ids.Election, ids.User, at], TestContext.Current.CancellationToken);
                await db.Database.ExecuteSqlRawAsync(
                    """INSERT INTO "Ballots" ("Id","ElectionId","CandidateId","ReceiptHash","Sequence") VALUES ({0},{1},{2},{3},1)""",
                    [ids.Ballot, ids.Election, ids.Bob, new string('a', 64)], TestContext.Current.CancellationToken);
                await db.Database.ExecuteSqlRawAsync(
                    """INSERT INTO "BallotSequences" ("ElectionId","LastSequence") VALUES ({0},1)""",
                    [ids.Election], TestContext.Current.CancellationToken);
            }

            await services.MigrateDatabaseAsync(TestContext.Current.CancellationToken);

            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<VotingDbContext>();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
                var election = await db.Elections.Include(e => e.Candidates).SingleAsync(TestContext.Current.CancellationToken);
                Assert.Equal("Mayor", election.Title);
                Assert.Equal(ElectionStatus.Open, election.Status);
                Assert.Equal(EligibilityMode.AllRegisteredVoters, election.Eligibility);
                Assert.Null(election.VoterRollHash);
                Assert.Null(election.Electorate);
                Assert.Equal(5, election.Version);
                Assert.Equal(new DateTimeOffset(2030, 5, 2, 9, 0, 0, TimeSpan.Zero), election.ClosesAt);
                Assert.Equal(["Alice", "Bob"], election.Candidates.OrderBy(c => c.DisplayOrder).Select(c => c.Name));
                var user = await db.Users.SingleAsync(TestContext.Current.CancellationToken);
                Assert.Equal(CitizenIds.Make(1), user.CitizenId.Value);
                var ballot = await db.Ballots.SingleAsync(TestContext.Current.CancellationToken);
                Assert.Equal((ids.Election, 1L, ids.Bob, new string('a', 64)), (ballot.ElectionId.Value, ballot.Sequence, ballot.CandidateId.Value, ballot.ReceiptHash));
                var participation = await db.Participations.SingleAsync(TestContext.Current.CancellationToken);
                Assert.Equal((ids.Election, ids.User), (participation.ElectionId.Value, participation.VoterId.Value));
                Assert.Equal(0, await db.OutboxMessages.CountAsync(TestContext.Current.CancellationToken));
            }
        }
        finally
        {
            await fixture.DropDatabaseAsync(connectionString);
        }
    }

    /// <summary>DateTimeOffset as the provider stores it: UTC ticks on SQLite, timestamptz on PostgreSQL.</summary>
    private static object Timestamp(VotingDbContext db, DateTimeOffset value) => db.Database.IsSqlite() ? value.UtcTicks : value;

    /// <summary>Every table's columns (type, nullability), indexes and foreign keys, as sorted lines.</summary>
    private static async Task<List<string>> DescribeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VotingDbContext>();
        var sql = db.Database.IsSqlite()
            ? """
              SELECT 'column ' || m.name || '.' || p.name || ' ' || p.type || CASE WHEN p."notnull" = 1 THEN ' not null' ELSE '' END || CASE WHEN p.pk > 0 THEN ' pk' ELSE '' END
                FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE '\_\_%' ESCAPE '\' AND m.name NOT LIKE 'sqlite%'
              UNION ALL
              SELECT 'index ' || name || ' ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
              UNION ALL
              SELECT 'fk ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' on delete ' || f.on_delete
                FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
              """
            : """
              SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '') || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END || CASE WHEN is_identity = 'YES' THEN ' identity' ELSE '' END
                FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_%'
              UNION ALL
              SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\_\_%'
              UNION ALL
              SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '"\_\_%'
              """;
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                lines.Add(reader.GetString(0));
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
