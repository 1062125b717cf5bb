using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Voting.Domain.Chat;

namespace Voting.Infrastructure.Persistence.Chat;

internal sealed class RoomEventConfiguration : IEntityTypeConfiguration<RoomEvent>
{
    public void Configure(EntityTypeBuilder<RoomEvent> builder)
    {
        builder.ToTable("RoomEvents");

        // The replay source: roomEvents(afterSequence) reads this key in order.
        builder.HasKey(e => new { e.RoomId, e.Sequence });
        builder.Property(e => e.RoomId).HasConversion<RoomIdConverter>();
        builder.Property(e => e.MessageId).HasConversion<MessageIdConverter>();
        builder.HasOne<ChatRoom>().WithMany().HasForeignKey(e => e.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}
