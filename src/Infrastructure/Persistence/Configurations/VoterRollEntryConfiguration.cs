using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Voting.Domain.Elections;

namespace Voting.Infrastructure.Persistence.Configurations;

internal sealed class VoterRollEntryConfiguration : IEntityTypeConfiguration<VoterRollEntry>
{
    public void Configure(EntityTypeBuilder<VoterRollEntry> builder)
    {
        builder.HasKey(v => new { v.ElectionId, v.CitizenId });
        builder.HasOne<Election>().WithMany().HasForeignKey(v => v.ElectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
