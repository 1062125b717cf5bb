using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Outbox;

public sealed class SqliteOutboxDispatcherTests(SqliteFixture fixture) : OutboxDispatcherTests(fixture), IClassFixture<SqliteFixture>;
