using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Chat;

public sealed class SqliteChatTests(SqliteFixture fixture) : ChatTests(fixture), IClassFixture<SqliteFixture>;
