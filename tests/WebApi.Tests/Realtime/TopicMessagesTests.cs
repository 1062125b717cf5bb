using Voting.Application.Chat;
using Voting.Application.Elections;
using Voting.Domain.Chat;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Voting.GraphQL.Subscriptions.Topics;
using Voting.WebApi.GraphQL;
using Voting.WebApi.GraphQL.Chat;

namespace Voting.WebApi.Tests.Realtime;

/// <summary>
/// With Redis configured, topic messages cross between instances as JSON: every message type the API
/// publishes must come back equal, or subscribers on the other instances would get nothing (or garbage).
/// </summary>
public sealed class TopicMessagesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 7, 30, 0, TimeSpan.FromHours(7));
    private readonly JsonTopicMessageSerializer _serializer = new();

    [Fact]
    public void A_tally_snapshot_round_trips()
    {
        var candidate = CandidateId.New();
        var tally = new TallyView(ElectionId.New(), [new CandidateTally(candidate, "Park", 1, 41)], 41, 57, At);

        var back = RoundTrip(tally);

        Assert.Equal((tally.ElectionId, tally.Total, tally.Version, tally.AsOf), (back.ElectionId, back.Total, back.Version, back.AsOf));
        Assert.Equal(tally.Candidates, back.Candidates);
    }

    [Fact]
    public void A_status_change_an_announcement_and_a_typing_signal_round_trip()
    {
        var change = new ElectionStatusChange(ElectionId.New(), ElectionStatus.Closed, At);
        var announcement = new Announcement(1_763_800_000_000_123, "Polls close at 18:00 <b>sharp</b>", At);
        var typing = new TypingNode(Guid.NewGuid(), Guid.NewGuid(), At);

        Assert.Equal(change, RoundTrip(change));
        Assert.Equal(announcement, RoundTrip(announcement));
        Assert.Equal(typing, RoundTrip(typing));
    }

    [Fact]
    public void A_room_event_with_its_message_round_trips_text_verbatim()
    {
        var room = RoomId.New();
        var author = UserId.New();
        var message = new MessageView(MessageId.New(), room, 12, author, MessageKind.User, null, null, "<script>alert(1)</script> \u00e9\n\t\"quoted\"", "client-1", At, At.AddMinutes(1), null);
        var added = new RoomEventView(room, 12, RoomEventKind.MessageAdded, At, author, null, null, null, message);
        var muted = new RoomEventView(room, 13, RoomEventKind.MemberMuted, At, author, UserId.New(), MemberRole.Member, At.AddHours(1), null);

        Assert.Equal(added, RoundTrip(added));
        Assert.Equal(muted, RoundTrip(muted));
    }

    private T RoundTrip<T>(T message) => _serializer.Deserialize<T>(_serializer.Serialize(message));
}
