using Voting.Infrastructure.Common;

namespace Voting.Infrastructure.Outbox;

/// <summary>Wakes the dispatcher as soon as a transaction has stored outbox rows, instead of waiting for the next poll.</summary>
internal sealed class OutboxSignal : WakeSignal;
