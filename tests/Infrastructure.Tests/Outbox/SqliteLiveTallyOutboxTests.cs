using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Outbox;

public sealed class SqliteLiveTallyOutboxTests(SqliteFixture fixture) : LiveTallyOutboxTests(fixture), IClassFixture<SqliteFixture>;
