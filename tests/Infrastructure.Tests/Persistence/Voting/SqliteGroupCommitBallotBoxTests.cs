using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Persistence.Voting;

public sealed class SqliteGroupCommitBallotBoxTests(SqliteFixture fixture) : GroupCommitBallotBoxTests(fixture), IClassFixture<SqliteFixture>;
