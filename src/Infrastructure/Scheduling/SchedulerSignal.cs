using Voting.Infrastructure.Common;

namespace Voting.Infrastructure.Scheduling;

/// <summary>Wakes the scheduler before its next poll when an election's times may have come nearer (one was scheduled or opened).</summary>
internal sealed class SchedulerSignal : WakeSignal;
