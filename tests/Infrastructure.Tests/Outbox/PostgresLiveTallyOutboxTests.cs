using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Outbox;

public sealed class PostgresLiveTallyOutboxTests(PostgresFixture fixture) : LiveTallyOutboxTests(fixture), IClassFixture<PostgresFixture>;
