using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Voting.Domain.Chat;
using Voting.Domain.Elections;

namespace Voting.Infrastructure.Persistence.Chat;

internal sealed class ChatRoomConfiguration : IEntityTypeConfiguration<ChatRoom>
{
    public void Configure(EntityTypeBuilder<ChatRoom> builder)
    {
        builder.ToTable("ChatRooms");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasConversion<RoomIdConverter>().ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(ChatRoom.MaxNameLength);
        builder.Property(r => r.DirectKey).HasMaxLength(64);

        // Changed only under the room's row lock; the token turns a change made without it into CONFLICT, never a repeated sequence.
        builder.Property(r => r.LastSequence).IsConcurrencyToken();
        builder.HasIndex(r => r.ElectionId).IsUnique();
        builder.HasIndex(r => r.DirectKey).IsUnique();
        builder.HasOne<Election>().WithMany().HasForeignKey(r => r.ElectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
