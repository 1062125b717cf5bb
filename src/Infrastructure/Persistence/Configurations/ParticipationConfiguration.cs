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
        // One person, one vote, even when two requests race on two instances: the key is (election, voter).
        // No foreign keys (ADR 0034): the vote's batch holds the election's row FOR SHARE and reads the voter
        // in its own transaction, and neither elections nor users are ever deleted; the checks cost a row
        // lock on the voter's user row per vote.
        builder.HasKey(p => new { p.ElectionId, p.VoterId }).HasName(ConstraintNames.UniqueParticipation);
    }
}
