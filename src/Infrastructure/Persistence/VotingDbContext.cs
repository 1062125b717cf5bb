using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Voting.Domain.Ballots;
using Voting.Domain.Chat;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Voting.Infrastructure.Outbox;

namespace Voting.Infrastructure.Persistence;

public sealed class VotingDbContext(DbContextOptions<VotingDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<Election> Elections => Set<Election>();

    public DbSet<Candidate> Candidates => Set<Candidate>();

    public DbSet<Participation> Participations => Set<Participation>();

    public DbSet<Ballot> Ballots => Set<Ballot>();

    public DbSet<ChatRoom> ChatRooms => Set<ChatRoom>();

    public DbSet<RoomMember> RoomMembers => Set<RoomMember>();

    public DbSet<Message> ChatMessages => Set<Message>();

    public DbSet<RoomEvent> RoomEvents => Set<RoomEvent>();

    internal DbSet<VoterRollEntry> VoterRollEntries => Set<VoterRollEntry>();

    internal DbSet<BallotSequence> BallotSequences => Set<BallotSequence>();

    internal DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(VotingDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<UserId>().HaveConversion<UserIdConverter>();
        configurationBuilder.Properties<SessionId>().HaveConversion<SessionIdConverter>();
        configurationBuilder.Properties<ElectionId>().HaveConversion<ElectionIdConverter>();
        configurationBuilder.Properties<CandidateId>().HaveConversion<CandidateIdConverter>();
        configurationBuilder.Properties<CitizenId>().HaveConversion<CitizenIdConverter>().HaveMaxLength(CitizenId.Length);
        configurationBuilder.Properties<PhoneNumber>().HaveConversion<PhoneNumberConverter>().HaveMaxLength(16);
        if (Database.IsSqlite())
        {
            // SQLite cannot compare or order DateTimeOffset text; UTC ticks sort and compare exactly.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }

    private sealed class UserIdConverter() : ValueConverter<UserId, Guid>(v => v.Value, v => new UserId(v));

    private sealed class SessionIdConverter() : ValueConverter<SessionId, Guid>(v => v.Value, v => new SessionId(v));

    private sealed class ElectionIdConverter() : ValueConverter<ElectionId, Guid>(v => v.Value, v => new ElectionId(v));

    private sealed class CandidateIdConverter() : ValueConverter<CandidateId, Guid>(v => v.Value, v => new CandidateId(v));

    private sealed class CitizenIdConverter() : ValueConverter<CitizenId, string>(v => v.Value, v => CitizenId.Parse(v));

    private sealed class PhoneNumberConverter() : ValueConverter<PhoneNumber, string>(v => v.Value, v => PhoneNumber.Parse(v));

    private sealed class UtcTicksConverter()
        : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}
