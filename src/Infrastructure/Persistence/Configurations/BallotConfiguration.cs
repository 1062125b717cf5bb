using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Voting.Domain.Ballots;
using Voting.Domain.Elections;

namespace Voting.Infrastructure.Persistence.Configurations;

internal sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> builder)
    {
        // The key is (election, sequence): gapless per election, appended in order (ADR 0034). No foreign keys:
        // the vote's batch holds the election's row FOR SHARE, the election is open, and an open election's
        // candidates can no longer change (EnsureEditable), so the candidate the domain checked stays.
        builder.HasKey(b => new { b.ElectionId, b.Sequence }).HasName(ConstraintNames.UniqueBallotSequence);
        builder.Property(b => b.ReceiptHash).HasMaxLength(64);
        builder.HasIndex(b => new { b.ElectionId, b.ReceiptHash }).IsUnique().HasDatabaseName(ConstraintNames.UniqueReceipt);
    }
}
