using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Persistence.Voting;

public sealed class PostgresGroupCommitBallotBoxTests(PostgresFixture fixture) : GroupCommitBallotBoxTests(fixture), IClassFixture<PostgresFixture>;
