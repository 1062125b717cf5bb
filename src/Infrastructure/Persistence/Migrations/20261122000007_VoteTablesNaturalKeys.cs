using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Voting.Infrastructure.Persistence.Migrations;

/// <summary>
/// Version 7 (ADR 0034): the vote tables take their natural keys, (election, voter) for participations
/// and (election, sequence) for ballots, instead of random IDs with a unique index beside them; their
/// foreign keys and the indexes that served only those go. Each table is rebuilt (renamed aside, made
/// anew, copied, dropped), which both providers can do. Irreversible: the random IDs are gone.
/// </summary>
[DbContext(typeof(VotingDbContext))]
[Migration("20261122000007_VoteTablesNaturalKeys")]
internal sealed class VoteTablesNaturalKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var timestamp = ColumnTypes.Timestamp(migrationBuilder);
        SetAside(migrationBuilder, "Participations");
        migrationBuilder.CreateTable(
            name: "Participations",
            columns: table => new
            {
                ElectionId = table.Column<Guid>(nullable: false),
                VoterId = table.Column<Guid>(nullable: false),
                VotedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Participations", x => new { x.ElectionId, x.VoterId }));
        migrationBuilder.Sql("""
            INSERT INTO "Participations" ("ElectionId", "VoterId", "VotedAt")
            SELECT "ElectionId", "VoterId", "VotedAt" FROM "Participations_v6"
            """);
        migrationBuilder.DropTable("Participations_v6");

        SetAside(migrationBuilder, "Ballots");
        migrationBuilder.CreateTable(
            name: "Ballots",
            columns: table => new
            {
                ElectionId = table.Column<Guid>(nullable: false),
                Sequence = table.Column<long>(nullable: false),
                CandidateId = table.Column<Guid>(nullable: false),
                ReceiptHash = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Ballots", x => new { x.ElectionId, x.Sequence }));
        migrationBuilder.Sql("""
            INSERT INTO "Ballots" ("ElectionId", "Sequence", "CandidateId", "ReceiptHash")
            SELECT "ElectionId", "Sequence", "CandidateId", "ReceiptHash" FROM "Ballots_v6"
            """);

        // After the old table (and its index of the same name) is gone.
        migrationBuilder.DropTable("Ballots_v6");
        migrationBuilder.CreateIndex(name: "IX_Ballots_ElectionId_ReceiptHash", table: "Ballots", columns: ["ElectionId", "ReceiptHash"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Version 7 dropped the vote tables' random IDs; it cannot be undone. Restore a backup taken before it.");

    /// <summary>
    /// Renames <paramref name="table"/> to <c>{table}_v6</c>. On PostgreSQL a primary key's name is an
    /// index name, unique in the schema, so the old one is renamed too before the new table takes it.
    /// </summary>
    private static void SetAside(MigrationBuilder migrationBuilder, string table)
    {
        migrationBuilder.RenameTable(name: table, newName: table + "_v6");
        if (!migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql($"""ALTER TABLE "{table}_v6" RENAME CONSTRAINT "PK_{table}" TO "PK_{table}_v6" """);
        }
    }
}
