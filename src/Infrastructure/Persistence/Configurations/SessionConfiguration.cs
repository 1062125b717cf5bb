using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Voting.Domain.Users;

namespace Voting.Infrastructure.Persistence.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.TokenHash).HasMaxLength(Session.TokenHashLength).IsFixedLength(false);

        // Two refreshes racing with one token: the second update finds the generation moved and fails.
        builder.Property(s => s.Generation).IsConcurrencyToken();
        builder.Property(s => s.UserAgent).HasMaxLength(Session.MaxUserAgentLength);
        builder.Property(s => s.Address).HasMaxLength(Session.MaxAddressLength);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId);
        builder.Ignore(s => s.DomainEvents);
    }
}
