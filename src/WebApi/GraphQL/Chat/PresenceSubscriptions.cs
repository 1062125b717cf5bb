using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Voting.Application.Abstractions;
using Voting.Application.Chat.GetPresence;
using Voting.Application.Chat.Presence;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;
using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.WebApi.GraphQL.Chat;

/// <summary>
/// The source stream of <c>presence</c>. Watching a room's presence is being present: the subscription marks
/// its connection online in the <see cref="IPresenceStore"/> (shared through Redis when configured) for
/// <see cref="Ttl"/>, renews that every <see cref="Heartbeat"/>, and removes it when the subscription ends. It
/// yields who is online at the start and on every change, which it hears of on <see cref="PresenceTopic"/>
/// (a user came or went, on any instance) or finds at a heartbeat (a connection whose instance died expired).
/// Being kicked, banned or leaving the room ends it (<see cref="RoomAccessWatch"/>), and with it the presence.
/// </summary>
public sealed class PresenceSubscriptions(
    ITopicEventReceiver receiver,
    ITopicEventSender sender,
    IPresenceStore store,
    GetPresenceHandler getPresence,
    RoomAccessWatch access,
    ICurrentUser currentUser,
    IClock clock,
    TimeProvider time)
{
    /// <summary>How long a connection counts as online after its last heartbeat: three missed heartbeats.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    /// <summary>How often a live subscription renews its connection and looks for expired ones.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);

    /// <summary>Subscribes, or throws the room's refusal (ROOM_NOT_FOUND, NOT_A_MEMBER, BANNED) before anything is marked.</summary>
    public async Task<IAsyncEnumerable<RoomPresenceNode>> SubscribeAsync(RoomId roomId, CancellationToken cancellationToken)
    {
        var first = await getPresence.HandleAsync(new GetPresenceQuery(roomId), cancellationToken).ConfigureAwait(false);
        var log = await access.StartAsync(roomId, cancellationToken).ConfigureAwait(false);
        var signals = await receiver.SubscribeAsync<PresenceSignal>(PresenceTopic.For(roomId), options: null, cancellationToken).ConfigureAwait(false);
        var userId = currentUser.Id ?? throw new InvalidOperationException("GetPresenceHandler admits only the signed in.");
        return access.While(first.RoomId, log, Snapshots(first.RoomId, userId, Guid.NewGuid().ToString("N"), signals, cancellationToken), cancellationToken);
    }

    private async IAsyncEnumerable<RoomPresenceNode> Snapshots(
        RoomId roomId,
        UserId userId,
        string connectionId,
        ISourceStream<PresenceSignal> signals,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Signals only wake the loop; one pending wake stands for any number.
        var wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = PumpAsync(signals, wake.Writer, stop.Token);
        try
        {
            await MarkOnlineAsync(roomId, userId, connectionId, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<UserId>? shown = null;
            while (true)
            {
                var presence = await getPresence.ListAsync(roomId, cancellationToken).ConfigureAwait(false);
                if (shown is null || !presence.Online.SequenceEqual(shown))
                {
                    shown = presence.Online;
                    yield return new RoomPresenceNode(presence);
                }

                using (var beat = new CancellationTokenSource(Heartbeat, time))
                using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, beat.Token))
                {
                    try
                    {
                        if (!await wake.Reader.WaitToReadAsync(waiting.Token).ConfigureAwait(false))
                        {
                            yield break; // the topic ended
                        }

                        wake.Reader.TryRead(out _);
                    }
                    catch (OperationCanceledException) when (beat.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                    {
                        await MarkOnlineAsync(roomId, userId, connectionId, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await pump.ConfigureAwait(false);
            // The subscriber is gone, with its token: this last write has its own, short, patience.
            using var leaving = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
            if (await store.MarkOfflineAsync(roomId, userId, connectionId, clock.UtcNow, leaving.Token).ConfigureAwait(false))
            {
                await SignalAsync(roomId, userId, online: false, leaving.Token).ConfigureAwait(false);
            }
        }
    }

    private async Task MarkOnlineAsync(RoomId roomId, UserId userId, string connectionId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        if (await store.MarkOnlineAsync(roomId, userId, connectionId, now + Ttl, now, cancellationToken).ConfigureAwait(false))
        {
            await SignalAsync(roomId, userId, online: true, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task SignalAsync(RoomId roomId, UserId userId, bool online, CancellationToken cancellationToken) =>
        sender.SendAsync(PresenceTopic.For(roomId), new PresenceSignal(roomId.Value, userId.Value, online, clock.UtcNow), cancellationToken).AsTask();

    // Turns the room's signals into wakes until the stream stops or the topic ends.
    private static async Task PumpAsync(ISourceStream<PresenceSignal> signals, ChannelWriter<bool> wake, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in signals.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                wake.TryWrite(true);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopped with the subscription
        }
        finally
        {
            wake.TryComplete();
            await signals.DisposeAsync().ConfigureAwait(false);
        }
    }
}
