using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Voting.Domain.Ballots;
using Voting.Domain.Elections;

namespace Voting.Infrastructure.Persistence.Configurations;

internal sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.ReceiptHash).HasMaxLength(64);
        builder.HasIndex(b => new { b.ElectionId, b.Sequence }).IsUnique().HasDatabaseName(ConstraintNames.UniqueBallotSequence);
        builder.HasIndex(b => new { b.ElectionId, b.ReceiptHash }).IsUnique().HasDatabaseName(ConstraintNames.UniqueReceipt);
        builder.HasIndex(b => b.CandidateId);
        builder.HasOne<Election>().WithMany().HasForeignKey(b => b.ElectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Candidate>().WithMany().HasForeignKey(b => b.CandidateId).OnDelete(DeleteBehavior.Restrict);
    }
}
