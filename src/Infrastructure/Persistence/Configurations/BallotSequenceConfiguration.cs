using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Voting.Domain.Elections;

namespace Voting.Infrastructure.Persistence.Configurations;

internal sealed class BallotSequenceConfiguration : IEntityTypeConfiguration<BallotSequence>
{
    public void Configure(EntityTypeBuilder<BallotSequence> builder)
    {
        builder.HasKey(s => s.ElectionId);
        builder.Property(s => s.ElectionId).ValueGeneratedNever();
        builder.HasOne<Election>().WithMany().HasForeignKey(s => s.ElectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
