using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Voting.Domain.Chat;

namespace Voting.Infrastructure.Persistence.Chat;

internal sealed class RoomMemberConfiguration : IEntityTypeConfiguration<RoomMember>
{
    public void Configure(EntityTypeBuilder<RoomMember> builder)
    {
        builder.ToTable("RoomMembers");
        builder.HasKey(m => new { m.RoomId, m.UserId });
        builder.Property(m => m.RoomId).HasConversion<RoomIdConverter>();
        // Users are referenced without a foreign key, as elections reference their creator: accounts are never deleted.
        builder.HasIndex(m => m.UserId);
        builder.HasOne<ChatRoom>().WithMany().HasForeignKey(m => m.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}
