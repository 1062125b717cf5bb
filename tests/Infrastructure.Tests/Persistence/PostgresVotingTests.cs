using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Persistence;

public sealed class PostgresVotingTests(PostgresFixture fixture) : VotingTests(fixture), IClassFixture<PostgresFixture>;
