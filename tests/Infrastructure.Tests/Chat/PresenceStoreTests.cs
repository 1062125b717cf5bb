using Voting.Application.Chat.Presence;
using Voting.Domain.Chat;
using Voting.Domain.Users;

namespace Voting.Infrastructure.Tests.Chat;

/// <summary>What every presence store promises: per-connection entries, a user online while any is live, expiry by the caller's clock.</summary>
public abstract class PresenceStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private readonly RoomId _room = RoomId.New();
    private readonly UserId _ann = UserId.New();
    private readonly UserId _ben = UserId.New();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract IPresenceStore Store { get; }

    [Fact]
    public async Task A_user_comes_online_with_the_first_connection_and_goes_offline_with_the_last()
    {
        Assert.True(await Store.MarkOnlineAsync(_room, _ann, "tab-1", Now + Ttl, Now, Ct));
        Assert.False(await Store.MarkOnlineAsync(_room, _ann, "tab-2", Now + Ttl, Now, Ct));
        Assert.False(await Store.MarkOnlineAsync(_room, _ann, "tab-1", Now + Ttl + Ttl, Now, Ct)); // a heartbeat
        Assert.True(await Store.MarkOnlineAsync(_room, _ben, "phone", Now + Ttl, Now, Ct));

        Assert.Equal(Sorted(_ann, _ben), await Store.ListOnlineAsync(_room, Now, Ct));
        Assert.False(await Store.MarkOfflineAsync(_room, _ann, "tab-1", Now, Ct));
        Assert.Equal(Sorted(_ann, _ben), await Store.ListOnlineAsync(_room, Now, Ct));
        Assert.True(await Store.MarkOfflineAsync(_room, _ann, "tab-2", Now, Ct));
        Assert.Equal([_ben], await Store.ListOnlineAsync(_room, Now, Ct));
        Assert.Empty(await Store.ListOnlineAsync(RoomId.New(), Now, Ct));
    }

    [Fact]
    public async Task A_connection_without_a_heartbeat_expires_and_its_return_counts_as_coming_online()
    {
        await Store.MarkOnlineAsync(_room, _ann, "tab", Now + Ttl, Now, Ct);
        await Store.MarkOnlineAsync(_room, _ben, "tab", Now + Ttl + Ttl, Now, Ct);

        Assert.Equal(Sorted(_ann, _ben), await Store.ListOnlineAsync(_room, Now + Ttl - TimeSpan.FromMilliseconds(1), Ct));
        Assert.Equal([_ben], await Store.ListOnlineAsync(_room, Now + Ttl, Ct));
        Assert.True(await Store.MarkOnlineAsync(_room, _ann, "tab", Now + Ttl + Ttl, Now + Ttl, Ct));
        Assert.True(await Store.MarkOfflineAsync(_room, _ben, "never-seen", Now + Ttl + Ttl, Ct));
        Assert.Empty(await Store.ListOnlineAsync(_room, Now + Ttl + Ttl, Ct));
    }

    private static UserId[] Sorted(params UserId[] users) => [.. users.OrderBy(u => u.Value)];
}
