using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Voting.Infrastructure.Persistence.Migrations;

/// <summary>Version 2: elections gain eligibility, a voter roll and the electorate fixed at closing; domain events go through an outbox.</summary>
[DbContext(typeof(VotingDbContext))]
[Migration("20261121000002_VoterRollsAndOutbox")]
internal sealed class VoterRollsAndOutbox : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var timestamp = ColumnTypes.Timestamp(migrationBuilder);

        // Elections made before this version were open to all registered voters (mode 0).
        migrationBuilder.AddColumn<int>(name: "Eligibility", table: "Elections", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<string>(name: "VoterRollHash", table: "Elections", maxLength: 64, nullable: true);
        migrationBuilder.AddColumn<int>(name: "VoterRollSize", table: "Elections", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<long>(name: "Electorate", table: "Elections", nullable: true);

        migrationBuilder.CreateTable(
            name: "VoterRollEntries",
            columns: table => new
            {
                ElectionId = table.Column<Guid>(nullable: false),
                CitizenId = table.Column<string>(maxLength: 13, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_VoterRollEntries", x => new { x.ElectionId, x.CitizenId });
                table.ForeignKey("FK_VoterRollEntries_Elections_ElectionId", x => x.ElectionId, "Elections", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "OutboxMessages",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(migrationBuilder),
                Type = table.Column<string>(maxLength: 200, nullable: false),
                Payload = table.Column<string>(nullable: false),
                OccurredAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                ProcessedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                Attempts = table.Column<int>(nullable: false),
                LastError = table.Column<string>(maxLength: 2000, nullable: true),
                LockedUntil = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OutboxMessages", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_OutboxMessages_ProcessedAt", table: "OutboxMessages", column: "ProcessedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("OutboxMessages");
        migrationBuilder.DropTable("VoterRollEntries");
        migrationBuilder.DropColumn(name: "Electorate", table: "Elections");
        migrationBuilder.DropColumn(name: "VoterRollSize", table: "Elections");
        migrationBuilder.DropColumn(name: "VoterRollHash", table: "Elections");
        migrationBuilder.DropColumn(name: "Eligibility", table: "Elections");
    }
}
