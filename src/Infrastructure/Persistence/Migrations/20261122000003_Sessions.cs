using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Voting.Infrastructure.Persistence.Migrations;

/// <summary>Version 3: sign-in sessions, each holding the hash of its current refresh token.</summary>
[DbContext(typeof(VotingDbContext))]
[Migration("20261122000003_Sessions")]
internal sealed class Sessions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var timestamp = ColumnTypes.Timestamp(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "Sessions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                Generation = table.Column<int>(nullable: false),
                StartedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                LastRefreshedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                ExpiresAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                EndedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                EndReason = table.Column<int>(nullable: false),
                UserAgent = table.Column<string>(maxLength: 256, nullable: false),
                Address = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Sessions", x => x.Id);
                table.ForeignKey("FK_Sessions_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_Sessions_UserId", table: "Sessions", column: "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Sessions");
}
