using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Voting.Domain.Elections;

namespace Voting.Infrastructure.Persistence.Configurations;

internal sealed class ElectionConfiguration : IEntityTypeConfiguration<Election>
{
    public void Configure(EntityTypeBuilder<Election> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Title).HasMaxLength(Election.MaxTitleLength);
        builder.Property(e => e.Description).HasMaxLength(Election.MaxDescriptionLength);
        builder.Property(e => e.VoterRollHash).HasMaxLength(64);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => e.Status);
        builder.HasMany(e => e.Candidates).WithOne().HasForeignKey(c => c.ElectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Candidates).HasField("_candidates").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(e => e.DomainEvents);
        builder.Ignore(e => e.IsFrozen);
        builder.Ignore(e => e.TalliesVisible);
    }
}
