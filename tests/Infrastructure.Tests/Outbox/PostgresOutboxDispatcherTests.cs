using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Outbox;

public sealed class PostgresOutboxDispatcherTests(PostgresFixture fixture) : OutboxDispatcherTests(fixture), IClassFixture<PostgresFixture>;
