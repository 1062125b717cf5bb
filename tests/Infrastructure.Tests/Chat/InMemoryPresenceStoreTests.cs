using Voting.Application.Chat.Presence;
using Voting.Infrastructure.Chat;

namespace Voting.Infrastructure.Tests.Chat;

public sealed class InMemoryPresenceStoreTests : PresenceStoreTests
{
    protected override IPresenceStore Store { get; } = new InMemoryPresenceStore();
}
