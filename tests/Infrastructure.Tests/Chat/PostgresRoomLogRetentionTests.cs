using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Chat;

public sealed class PostgresRoomLogRetentionTests(PostgresFixture fixture) : RoomLogRetentionTests(fixture), IClassFixture<PostgresFixture>;
