using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Voting.Infrastructure.Persistence.Migrations;

/// <summary>
/// Version 6: each room remembers the highest sequence that retention removed from its log
/// (<c>ChatRooms.PrunedThroughSequence</c>), so a resume from before it is refused, never replayed with a gap.
/// </summary>
[DbContext(typeof(VotingDbContext))]
[Migration("20261122000006_ChatLogRetention")]
internal sealed class ChatLogRetention : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<long>(name: "PrunedThroughSequence", table: "ChatRooms", nullable: false, defaultValue: 0L);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "PrunedThroughSequence", table: "ChatRooms");
}
