using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Persistence;

public sealed class PostgresSchemaTests(PostgresFixture fixture) : SchemaTests(fixture), IClassFixture<PostgresFixture>;
