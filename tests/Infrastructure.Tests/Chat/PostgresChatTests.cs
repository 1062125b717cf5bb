using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Chat;

public sealed class PostgresChatTests(PostgresFixture fixture) : ChatTests(fixture), IClassFixture<PostgresFixture>;
