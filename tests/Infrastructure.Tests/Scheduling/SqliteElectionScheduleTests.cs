using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Scheduling;

public sealed class SqliteElectionScheduleTests(SqliteFixture fixture) : ElectionScheduleTests(fixture), IClassFixture<SqliteFixture>;
