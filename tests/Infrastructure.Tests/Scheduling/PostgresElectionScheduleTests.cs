using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Scheduling;

public sealed class PostgresElectionScheduleTests(PostgresFixture fixture) : ElectionScheduleTests(fixture), IClassFixture<PostgresFixture>;
