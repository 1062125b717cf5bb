using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Persistence;

public sealed class SqliteVotingTests(SqliteFixture fixture) : VotingTests(fixture), IClassFixture<SqliteFixture>;
