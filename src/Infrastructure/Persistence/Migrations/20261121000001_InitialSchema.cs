using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Voting.Infrastructure.Persistence.Migrations;

/// <summary>Version 1: users, elections, candidates, participations and ballots.</summary>
[DbContext(typeof(VotingDbContext))]
[Migration("20261121000001_InitialSchema")]
internal sealed class InitialSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var timestamp = ColumnTypes.Timestamp(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "Users",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CitizenId = table.Column<string>(maxLength: 13, nullable: false),
                Phone = table.Column<string>(maxLength: 16, nullable: false),
                PasswordHash = table.Column<string>(maxLength: 512, nullable: false),
                Roles = table.Column<int>(nullable: false),
                RegisteredAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Users", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_Users_CitizenId", table: "Users", column: "CitizenId", unique: true);

        migrationBuilder.CreateTable(
            name: "Elections",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: false),
                OpensAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                ClosesAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                Status = table.Column<int>(nullable: false),
                BallotKind = table.Column<int>(nullable: false),
                ResultsVisibility = table.Column<int>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                OpenedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                ClosedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                CancelledAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                ResultsPublishedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Elections", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_Elections_Status", table: "Elections", column: "Status");

        migrationBuilder.CreateTable(
            name: "Candidates",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ElectionId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 1000, nullable: false),
                DisplayOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Candidates", x => x.Id);
                table.ForeignKey("FK_Candidates_Elections_ElectionId", x => x.ElectionId, "Elections", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_Candidates_ElectionId", table: "Candidates", column: "ElectionId");

        migrationBuilder.CreateTable(
            name: "Participations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ElectionId = table.Column<Guid>(nullable: false),
                VoterId = table.Column<Guid>(nullable: false),
                VotedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Participations", x => x.Id);
                table.ForeignKey("FK_Participations_Elections_ElectionId", x => x.ElectionId, "Elections", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Participations_Users_VoterId", x => x.VoterId, "Users", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_Participations_ElectionId_VoterId", table: "Participations", columns: ["ElectionId", "VoterId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_Participations_VoterId", table: "Participations", column: "VoterId");

        migrationBuilder.CreateTable(
            name: "Ballots",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ElectionId = table.Column<Guid>(nullable: false),
                CandidateId = table.Column<Guid>(nullable: false),
                ReceiptHash = table.Column<string>(maxLength: 64, nullable: false),
                Sequence = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Ballots", x => x.Id);
                table.ForeignKey("FK_Ballots_Elections_ElectionId", x => x.ElectionId, "Elections", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Ballots_Candidates_CandidateId", x => x.CandidateId, "Candidates", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_Ballots_ElectionId_Sequence", table: "Ballots", columns: ["ElectionId", "Sequence"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_Ballots_ElectionId_ReceiptHash", table: "Ballots", columns: ["ElectionId", "ReceiptHash"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_Ballots_CandidateId", table: "Ballots", column: "CandidateId");

        migrationBuilder.CreateTable(
            name: "BallotSequences",
            columns: table => new
            {
                ElectionId = table.Column<Guid>(nullable: false),
                LastSequence = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BallotSequences", x => x.ElectionId);
                table.ForeignKey("FK_BallotSequences_Elections_ElectionId", x => x.ElectionId, "Elections", "Id", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("BallotSequences");
        migrationBuilder.DropTable("Ballots");
        migrationBuilder.DropTable("Participations");
        migrationBuilder.DropTable("Candidates");
        migrationBuilder.DropTable("Elections");
        migrationBuilder.DropTable("Users");
    }
}
