using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Voting.Infrastructure.Persistence.Migrations;

/// <summary>
/// Version 5: chat. Rooms (one per election, public, private, direct), their members, their
/// messages, and each room's log of events keyed by (room, sequence), the replay source (ADR 0028).
/// </summary>
[DbContext(typeof(VotingDbContext))]
[Migration("20261122000005_Chat")]
internal sealed class Chat : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var timestamp = ColumnTypes.Timestamp(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "ChatRooms",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                ElectionId = table.Column<Guid>(nullable: true),
                DirectKey = table.Column<string>(maxLength: 64, nullable: true),
                CreatedBy = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                LastSequence = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChatRooms", x => x.Id);
                table.ForeignKey("FK_ChatRooms_Elections_ElectionId", x => x.ElectionId, "Elections", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_ChatRooms_ElectionId", table: "ChatRooms", column: "ElectionId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_ChatRooms_DirectKey", table: "ChatRooms", column: "DirectKey", unique: true);

        migrationBuilder.CreateTable(
            name: "RoomMembers",
            columns: table => new
            {
                RoomId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Role = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                JoinedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                MutedUntil = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                LastReadSequence = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RoomMembers", x => new { x.RoomId, x.UserId });
                table.ForeignKey("FK_RoomMembers_ChatRooms_RoomId", x => x.RoomId, "ChatRooms", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_RoomMembers_UserId", table: "RoomMembers", column: "UserId");

        migrationBuilder.CreateTable(
            name: "ChatMessages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RoomId = table.Column<Guid>(nullable: false),
                Sequence = table.Column<long>(nullable: false),
                AuthorId = table.Column<Guid>(nullable: true),
                Kind = table.Column<int>(nullable: false),
                Notice = table.Column<int>(nullable: true),
                SubjectId = table.Column<Guid>(nullable: true),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                ClientMessageId = table.Column<string>(maxLength: 64, nullable: true),
                SentAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                EditedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                DeletedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                DeletedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChatMessages", x => x.Id);
                table.ForeignKey("FK_ChatMessages_ChatRooms_RoomId", x => x.RoomId, "ChatRooms", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_ChatMessages_RoomId_Sequence", table: "ChatMessages", columns: ["RoomId", "Sequence"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_ChatMessages_RoomId_AuthorId_ClientMessageId", table: "ChatMessages", columns: ["RoomId", "AuthorId", "ClientMessageId"], unique: true);

        migrationBuilder.CreateTable(
            name: "RoomEvents",
            columns: table => new
            {
                RoomId = table.Column<Guid>(nullable: false),
                Sequence = table.Column<long>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                OccurredAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                ActorId = table.Column<Guid>(nullable: true),
                SubjectId = table.Column<Guid>(nullable: true),
                MessageId = table.Column<Guid>(nullable: true),
                Role = table.Column<int>(nullable: true),
                MutedUntil = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RoomEvents", x => new { x.RoomId, x.Sequence });
                table.ForeignKey("FK_RoomEvents_ChatRooms_RoomId", x => x.RoomId, "ChatRooms", "Id", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("RoomEvents");
        migrationBuilder.DropTable("ChatMessages");
        migrationBuilder.DropTable("RoomMembers");
        migrationBuilder.DropTable("ChatRooms");
    }
}
