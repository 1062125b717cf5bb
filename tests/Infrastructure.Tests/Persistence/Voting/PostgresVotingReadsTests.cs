using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Persistence.Voting;

public sealed class PostgresVotingReadsTests(PostgresFixture fixture) : VotingReadsTests(fixture), IClassFixture<PostgresFixture>;
