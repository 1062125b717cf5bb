using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Voting.Domain.Ballots;
using Voting.Domain.Elections;
using Voting.Domain.Users;

namespace Voting.Infrastructure.Persistence.Configurations;

internal sealed class ParticipationConfiguration : IEntityTypeConfiguration<Participation>
{
    public void Configure(EntityTypeBuilder<Participation> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();

        // One person, one vote, even when two requests race on two instances.
        builder.HasIndex(p => new { p.ElectionId, p.VoterId }).IsUnique().HasDatabaseName(ConstraintNames.UniqueParticipation);
        builder.HasIndex(p => p.VoterId);
        builder.HasOne<Election>().WithMany().HasForeignKey(p => p.ElectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.VoterId).OnDelete(DeleteBehavior.Restrict);
    }
}
