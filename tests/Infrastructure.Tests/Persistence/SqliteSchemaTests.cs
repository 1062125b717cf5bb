using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Persistence;

public sealed class SqliteSchemaTests(SqliteFixture fixture) : SchemaTests(fixture), IClassFixture<SqliteFixture>;
