using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Voting.Domain.Chat;

namespace Voting.Infrastructure.Persistence.Chat;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("ChatMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasConversion<MessageIdConverter>().ValueGeneratedNever();
        builder.Property(m => m.RoomId).HasConversion<RoomIdConverter>();
        builder.Property(m => m.Text).HasMaxLength(MessageText.MaxLength);
        builder.Property(m => m.ClientMessageId).HasMaxLength(MessageText.MaxClientMessageIdLength);
        builder.HasIndex(m => new { m.RoomId, m.Sequence }).IsUnique();

        // Backs the idempotent send; the room's lock already serialises the check before the insert.
        builder.HasIndex(m => new { m.RoomId, m.AuthorId, m.ClientMessageId }).IsUnique();
        builder.HasOne<ChatRoom>().WithMany().HasForeignKey(m => m.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}
