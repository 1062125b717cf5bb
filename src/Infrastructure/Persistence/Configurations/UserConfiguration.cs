using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Voting.Domain.Users;

namespace Voting.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.PasswordHash).HasMaxLength(User.MaxPasswordHashLength);
        builder.HasIndex(u => u.CitizenId).IsUnique().HasDatabaseName(ConstraintNames.UniqueCitizenId);
        builder.Ignore(u => u.DomainEvents);
    }
}
