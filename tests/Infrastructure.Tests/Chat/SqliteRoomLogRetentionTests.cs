using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Chat;

public sealed class SqliteRoomLogRetentionTests(SqliteFixture fixture) : RoomLogRetentionTests(fixture), IClassFixture<SqliteFixture>;
