using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Persistence.Voting;

public sealed class SqliteVotingReadsTests(SqliteFixture fixture) : VotingReadsTests(fixture), IClassFixture<SqliteFixture>;
