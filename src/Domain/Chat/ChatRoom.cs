using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Users;

namespace Voting.Domain.Chat;

/// <summary>
/// A chat room and its rules: who may join, read, send and moderate. Every change takes the room's
/// next sequence (<see cref="LastSequence"/> + 1) and is recorded as a <see cref="RoomEvent"/>, so
/// the log replays in order from any point. Members and messages are loaded one at a time, not as
/// a whole: the intent methods take the ones they concern.
/// </summary>
public sealed class ChatRoom
{
    public const int MaxNameLength = 200;

    private readonly List<RoomMember> _newMembers = [];
    private readonly List<Message> _newMessages = [];
    private readonly List<Message> _changedMessages = [];
    private readonly List<RoomEvent> _newEvents = [];

    private ChatRoom()
    {
    }

    public RoomId Id { get; private set; }

    public RoomKind Kind { get; private set; }

    /// <summary>Empty for a direct conversation.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>The election whose room this is.</summary>
    public ElectionId? ElectionId { get; private set; }

    /// <summary>The pair of a direct conversation in a fixed order (see <see cref="DirectKeyOf"/>); unique, so one room per pair.</summary>
    public string? DirectKey { get; private set; }

    public UserId CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The sequence of the room's latest event; only grows.</summary>
    public long LastSequence { get; private set; }

    /// <summary>
    /// The highest sequence whose log entry retention has removed (0 when none); only grows. The log
    /// still holds every entry after it, so a replay can resume after any sequence at or above it.
    /// Retention raises it in storage, outside the aggregate: it changes no rule of the room.
    /// </summary>
    public long PrunedThroughSequence { get; private set; }

    /// <summary>A public or private room; its creator is its owner.</summary>
    public static ChatRoom Create(RoomKind kind, string name, UserId owner, IClock clock)
    {
        if (kind is not (RoomKind.Public or RoomKind.Private))
        {
            throw DomainException.Validation("Only public and private rooms are created directly.");
        }

        return WithOwner(kind, Text.Required(name, "Room name", MaxNameLength), null, owner, clock);
    }

    /// <summary>The room of <paramref name="election"/>, owned by whoever created the election.</summary>
    public static ChatRoom ForElection(Election election, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(election);
        return WithOwner(RoomKind.Election, election.Title, election.Id, election.CreatedBy, clock);
    }

    /// <summary>The conversation of two users, both members from the start.</summary>
    public static ChatRoom Direct(UserId from, UserId to, IClock clock)
    {
        if (from == to)
        {
            throw DomainException.Validation("A direct conversation is between two different users.");
        }

        var room = New(RoomKind.Direct, string.Empty, null, from, clock);
        room.DirectKey = DirectKeyOf(from, to);
        room.AddMember(from, MemberRole.Member, clock.UtcNow);
        room.AddMember(to, MemberRole.Member, clock.UtcNow);
        return room;
    }

    /// <summary>The two IDs in ordinal order of their text, so both users name the pair alike on every database.</summary>
    public static string DirectKeyOf(UserId a, UserId b)
    {
        var (x, y) = (a.Value.ToString("N"), b.Value.ToString("N"));
        return string.CompareOrdinal(x, y) <= 0 ? x + y : y + x;
    }

    /// <summary>
    /// "Non-members cannot read a private room": public and election rooms are open to every
    /// signed-in user except those banned from them; private and direct rooms to their members.
    /// </summary>
    public void EnsureCanRead(RoomMember? member)
    {
        EnsureOwn(member);
        if (member?.Status == MemberStatus.Banned)
        {
            throw new DomainException(ErrorCodes.Banned, "You are banned from this room.");
        }

        if (Kind is RoomKind.Private or RoomKind.Direct && member?.IsActive != true)
        {
            throw new DomainException(ErrorCodes.NotAMember, "You are not a member of this room.");
        }
    }

    /// <summary>Joins <paramref name="user"/> (whose row, if any, is <paramref name="existing"/>); the first join ever brings a welcome message.</summary>
    public RoomMember Join(UserId user, RoomMember? existing, IClock clock)
    {
        EnsureOwn(existing);
        if (Kind == RoomKind.Direct)
        {
            throw new DomainException(ErrorCodes.Forbidden, "A direct conversation cannot be joined.");
        }

        switch (existing?.Status)
        {
            case MemberStatus.Banned:
                throw new DomainException(ErrorCodes.Banned, "You are banned from this room.");
            case MemberStatus.Active:
                return existing;
            case not MemberStatus.Invited when Kind == RoomKind.Private:
                throw new DomainException(ErrorCodes.Forbidden, "This room is joined by invitation only.");
        }

        var now = clock.UtcNow;
        var firstJoin = existing?.JoinedAt is null;
        RoomMember member;
        if (existing is null)
        {
            member = AddMember(user, MemberRole.Member, now);
        }
        else
        {
            member = existing;
            member.Activate(now);
            Record(RoomEventKind.MemberJoined, user, now, subject: user);
        }

        if (firstJoin)
        {
            AddMessage(null, MessageKind.System, SystemNotice.Welcome, user, $"Welcome to {Name}!", null, now);
        }

        return member;
    }

    /// <summary>
    /// Leaves the room. "A room always has an owner": the owner leaves only after handing the room to
    /// another member (<see cref="TransferOwnership"/>), and one with no one to hand it to stays.
    /// </summary>
    public void Leave(RoomMember member, IClock clock)
    {
        EnsureNotDirect("left");
        RequireActive(member);
        if (member.Role == MemberRole.Owner)
        {
            throw new DomainException(ErrorCodes.OwnershipTransferRequired, "The owner cannot leave the room; hand it to another member first (transferRoomOwnership).");
        }

        member.SetStatus(MemberStatus.Left);
        member.SetRole(MemberRole.Member);
        Record(RoomEventKind.MemberLeft, member.UserId, clock.UtcNow, subject: member.UserId);
    }

    /// <summary>Invites <paramref name="invitee"/> to a private room; moderators and the owner may invite.</summary>
    public RoomMember Invite(RoomMember? actor, UserId invitee, RoomMember? existing, IClock clock)
    {
        EnsureOwn(existing);
        if (Kind != RoomKind.Private)
        {
            throw DomainException.InvalidState("Only private rooms take invitations; anyone may join the others.");
        }

        var inviter = RequireModerator(actor);
        switch (existing?.Status)
        {
            case MemberStatus.Banned:
                throw new DomainException(ErrorCodes.Banned, "This user is banned from the room.");
            case MemberStatus.Active or MemberStatus.Invited:
                return existing;
        }

        var now = clock.UtcNow;
        RoomMember member;
        if (existing is null)
        {
            member = new RoomMember(Id, invitee, MemberRole.Member, MemberStatus.Invited, now);
            _newMembers.Add(member);
        }
        else
        {
            member = existing;
            member.SetStatus(MemberStatus.Invited);
        }

        Record(RoomEventKind.MemberInvited, inviter.UserId, now, subject: invitee);
        return member;
    }

    /// <summary>Removes <paramref name="target"/> (or revokes their invitation); they may come back unless the room is private.</summary>
    public void Kick(RoomMember? actor, RoomMember target, IClock clock)
    {
        var moderator = RequireOutranks(actor, target);
        if (target.Status is not (MemberStatus.Active or MemberStatus.Invited))
        {
            throw new DomainException(ErrorCodes.NotAMember, "This user is not in the room.");
        }

        target.SetStatus(MemberStatus.Kicked);
        target.SetRole(MemberRole.Member);
        Record(RoomEventKind.MemberKicked, moderator.UserId, clock.UtcNow, subject: target.UserId);
    }

    /// <summary>Bans <paramref name="targetId"/> for good, whether or not they ever joined.</summary>
    public RoomMember Ban(RoomMember? actor, UserId targetId, RoomMember? target, IClock clock)
    {
        EnsureOwn(target);
        var moderator = target is null ? RequireModerator(actor) : RequireOutranks(actor, target);
        if (target?.Status == MemberStatus.Banned)
        {
            return target;
        }

        var now = clock.UtcNow;
        var banned = target ?? new RoomMember(Id, targetId, MemberRole.Member, MemberStatus.Banned, now);
        if (target is null)
        {
            _newMembers.Add(banned);
        }

        banned.SetStatus(MemberStatus.Banned);
        banned.SetRole(MemberRole.Member);
        Record(RoomEventKind.MemberBanned, moderator.UserId, now, subject: targetId);
        return banned;
    }

    /// <summary>
    /// Lifts the ban of <paramref name="target"/>. Like a member who left, they may join a public room
    /// again and a private one when invited again; their first join, if they never had one, still brings a welcome.
    /// </summary>
    public RoomMember Unban(RoomMember? actor, RoomMember? target, IClock clock)
    {
        EnsureOwn(target);
        var moderator = RequireModerator(actor);
        if (target?.Status != MemberStatus.Banned)
        {
            throw DomainException.InvalidState("This user is not banned from the room.");
        }

        target.SetStatus(MemberStatus.Left);
        Record(RoomEventKind.MemberUnbanned, moderator.UserId, clock.UtcNow, subject: target.UserId);
        return target;
    }

    /// <summary>Stops <paramref name="target"/> sending until <paramref name="until"/>; null lifts the mute.</summary>
    public void Mute(RoomMember? actor, RoomMember target, DateTimeOffset? until, IClock clock)
    {
        var moderator = RequireOutranks(actor, target);
        RequireActive(target);
        var now = clock.UtcNow;
        if (until is { } end && end <= now)
        {
            throw DomainException.Validation("A mute must end in the future.");
        }

        target.MuteUntil(until);
        Record(RoomEventKind.MemberMuted, moderator.UserId, now, subject: target.UserId, mutedUntil: until);
    }

    /// <summary>The owner makes a member a moderator or back; ownership is handed over by <see cref="TransferOwnership"/>.</summary>
    public void SetRole(RoomMember? actor, RoomMember target, MemberRole role, IClock clock)
    {
        EnsureNotDirect("given roles");
        EnsureOwn(target);
        var owner = RequireActive(actor);
        if (owner.Role != MemberRole.Owner)
        {
            throw new DomainException(ErrorCodes.Forbidden, "Only the room's owner may change roles.");
        }

        if (role is not (MemberRole.Member or MemberRole.Moderator))
        {
            throw DomainException.Validation("A member can be made a moderator or a member.");
        }

        RequireActive(target);
        if (target.Role == MemberRole.Owner)
        {
            throw new DomainException(ErrorCodes.Forbidden, "The owner's role cannot be changed.");
        }

        if (target.Role != role)
        {
            target.SetRole(role);
            Record(RoomEventKind.MemberRoleChanged, owner.UserId, clock.UtcNow, subject: target.UserId, role: role);
        }
    }

    /// <summary>
    /// The owner hands the room to <paramref name="target"/>, an active member, and stays on as a
    /// moderator. Two role changes record it, the new owner's first, so the log never shows a room without one.
    /// </summary>
    public void TransferOwnership(RoomMember? actor, RoomMember target, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(target);
        EnsureNotDirect("handed over");
        EnsureOwn(target);
        var owner = RequireActive(actor);
        if (owner.Role != MemberRole.Owner)
        {
            throw new DomainException(ErrorCodes.Forbidden, "Only the room's owner may hand it over.");
        }

        RequireActive(target);
        if (target.UserId == owner.UserId)
        {
            throw DomainException.Validation("You already own this room.");
        }

        var now = clock.UtcNow;
        if (target.IsMutedAt(now))
        {
            // No one outranks an owner, so no one could lift the mute afterwards.
            throw DomainException.InvalidState("Lift this member's mute before handing them the room.");
        }

        target.SetRole(MemberRole.Owner);
        Record(RoomEventKind.MemberRoleChanged, owner.UserId, now, subject: target.UserId, role: MemberRole.Owner);
        owner.SetRole(MemberRole.Moderator);
        Record(RoomEventKind.MemberRoleChanged, owner.UserId, now, subject: owner.UserId, role: MemberRole.Moderator);
    }

    /// <summary>
    /// Sends <paramref name="text"/>. <paramref name="earlier"/> is the author's message with the
    /// same client ID, if any: a retry returns it unchanged, and the same ID with other text is a conflict.
    /// </summary>
    public Message Send(RoomMember? author, string text, string clientMessageId, Message? earlier, IClock clock)
    {
        CheckMessage(author, text, clientMessageId);
        if (earlier is not null)
        {
            earlier.EnsureIn(Id);
            return earlier.IsDeleted || string.Equals(earlier.Text, text, StringComparison.Ordinal)
                ? earlier
                : throw new DomainException(ErrorCodes.Conflict, "This client message ID was already used for another text.");
        }

        var sender = EnsureCanSend(author, clock);
        return AddMessage(sender.UserId, MessageKind.User, null, null, text, clientMessageId, clock.UtcNow);
    }

    /// <summary>
    /// Every rule a new message of <paramref name="author"/> must meet, checked without sending it (in the
    /// order <see cref="Send"/> checks them), so that a caller can settle what else a send costs first.
    /// </summary>
    public void EnsureCanSendMessage(RoomMember? author, string text, string clientMessageId, IClock clock)
    {
        CheckMessage(author, text, clientMessageId);
        EnsureCanSend(author, clock);
    }

    private void CheckMessage(RoomMember? author, string text, string clientMessageId)
    {
        EnsureOwn(author);
        MessageText.Check(text);
        MessageText.CheckClientMessageId(clientMessageId);
    }

    /// <summary>"A muted or banned member cannot send": returns the member when they may send now.</summary>
    public RoomMember EnsureCanSend(RoomMember? member, IClock clock)
    {
        var sender = RequireActive(member);
        if (sender.IsMutedAt(clock.UtcNow))
        {
            throw new DomainException(ErrorCodes.Muted, $"You are muted in this room until {sender.MutedUntil:O}.");
        }

        return sender;
    }

    /// <summary>Authors edit their own messages while they may still send.</summary>
    public void Edit(RoomMember? editor, Message message, string text, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.EnsureIn(Id);
        MessageText.Check(text);
        var author = RequireActive(editor);
        if (message.Kind != MessageKind.User || message.AuthorId != author.UserId)
        {
            throw new DomainException(ErrorCodes.Forbidden, "Only its author may edit a message.");
        }

        if (message.IsDeleted)
        {
            throw DomainException.InvalidState("A deleted message cannot be edited.");
        }

        var now = clock.UtcNow;
        if (author.IsMutedAt(now))
        {
            throw new DomainException(ErrorCodes.Muted, $"You are muted in this room until {author.MutedUntil:O}.");
        }

        if (!string.Equals(message.Text, text, StringComparison.Ordinal))
        {
            message.Edit(text, now);
            _changedMessages.Add(message);
            Record(RoomEventKind.MessageEdited, author.UserId, now, message: message.Id);
        }
    }

    /// <summary>Authors delete their own messages; moderators and the owner delete any. A tombstone keeps the place.</summary>
    public void Delete(RoomMember? actor, Message message, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.EnsureIn(Id);
        var member = RequireActive(actor);
        var own = message.Kind == MessageKind.User && message.AuthorId == member.UserId;
        if (!own && member.Role < MemberRole.Moderator)
        {
            throw new DomainException(ErrorCodes.Forbidden, "Only a moderator may delete someone else's message.");
        }

        if (!message.IsDeleted)
        {
            var now = clock.UtcNow;
            message.Delete(member.UserId, now);
            _changedMessages.Add(message);
            Record(RoomEventKind.MessageDeleted, member.UserId, now, message: message.Id);
        }
    }

    /// <summary>
    /// Posts an election's progress once: <paramref name="earlier"/> is the notice already posted
    /// under <see cref="NoticeKey"/>, returned instead of a second copy.
    /// </summary>
    public Message PostElectionNotice(SystemNotice notice, Message? earlier, DateTimeOffset occurredAt)
    {
        if (Kind != RoomKind.Election || notice == SystemNotice.Welcome)
        {
            throw DomainException.InvalidState("Only an election's room gets election notices.");
        }

        if (earlier is not null)
        {
            earlier.EnsureIn(Id);
            return earlier;
        }

        var text = notice switch
        {
            SystemNotice.ElectionOpened => "Voting is open.",
            SystemNotice.ElectionClosed => "Voting has closed.",
            _ => "The results are published.",
        };
        return AddMessage(null, MessageKind.System, notice, null, text, NoticeKey(notice), occurredAt);
    }

    /// <summary>The client message ID a system notice is stored under, so posting it twice finds the first.</summary>
    public static string NoticeKey(SystemNotice notice) => "system:" + notice.ToString();

    /// <summary>Hands over the rows created since the last call, to be stored with the room.</summary>
    public RoomRecords TakeNewRecords()
    {
        var records = new RoomRecords([.. _newMembers], [.. _newMessages], [.. _changedMessages.Distinct()], [.. _newEvents]);
        _newMembers.Clear();
        _newMessages.Clear();
        _changedMessages.Clear();
        _newEvents.Clear();
        return records;
    }

    private static ChatRoom WithOwner(RoomKind kind, string name, ElectionId? electionId, UserId owner, IClock clock)
    {
        var room = New(kind, name, electionId, owner, clock);
        room.AddMember(owner, MemberRole.Owner, clock.UtcNow);
        return room;
    }

    private static ChatRoom New(RoomKind kind, string name, ElectionId? electionId, UserId createdBy, IClock clock) => new()
    {
        Id = RoomId.New(),
        Kind = kind,
        Name = name,
        ElectionId = electionId,
        CreatedBy = createdBy,
        CreatedAt = clock.UtcNow,
    };

    private RoomMember AddMember(UserId user, MemberRole role, DateTimeOffset now)
    {
        var member = new RoomMember(Id, user, role, MemberStatus.Active, now);
        _newMembers.Add(member);
        Record(RoomEventKind.MemberJoined, user, now, subject: user);
        return member;
    }

    private Message AddMessage(UserId? author, MessageKind kind, SystemNotice? notice, UserId? subject, string text, string? clientMessageId, DateTimeOffset now)
    {
        var message = new Message(Id, ++LastSequence, author, kind, notice, subject, text, clientMessageId, now);
        _newMessages.Add(message);
        _newEvents.Add(new RoomEvent(Id, message.Sequence, RoomEventKind.MessageAdded, now, author) { MessageId = message.Id });
        return message;
    }

    private void Record(RoomEventKind kind, UserId? actor, DateTimeOffset now, UserId? subject = null, MessageId? message = null, MemberRole? role = null, DateTimeOffset? mutedUntil = null) =>
        _newEvents.Add(new RoomEvent(Id, ++LastSequence, kind, now, actor)
        {
            SubjectId = subject,
            MessageId = message,
            Role = role,
            MutedUntil = mutedUntil,
        });

    private RoomMember RequireActive(RoomMember? member)
    {
        EnsureOwn(member);
        return member switch
        {
            { Status: MemberStatus.Banned } => throw new DomainException(ErrorCodes.Banned, "You are banned from this room."),
            { IsActive: true } => member,
            _ => throw new DomainException(ErrorCodes.NotAMember, "You are not a member of this room."),
        };
    }

    private RoomMember RequireModerator(RoomMember? actor)
    {
        EnsureNotDirect("moderated");
        var moderator = RequireActive(actor);
        return moderator.Role >= MemberRole.Moderator
            ? moderator
            : throw new DomainException(ErrorCodes.Forbidden, "Only moderators and the owner may do this.");
    }

    /// <summary>"Kick, ban and mute need a moderator, and never touch the owner": the actor must outrank the target.</summary>
    private RoomMember RequireOutranks(RoomMember? actor, RoomMember target)
    {
        ArgumentNullException.ThrowIfNull(target);
        EnsureOwn(target);
        var moderator = RequireModerator(actor);
        if (target.Role == MemberRole.Owner)
        {
            throw new DomainException(ErrorCodes.Forbidden, "The owner of a room cannot be kicked, banned or muted.");
        }

        return moderator.Role > target.Role
            ? moderator
            : throw new DomainException(ErrorCodes.Forbidden, "A moderator may act only on members below them.");
    }

    private void EnsureNotDirect(string action)
    {
        if (Kind == RoomKind.Direct)
        {
            throw DomainException.InvalidState($"A direct conversation cannot be {action}.");
        }
    }

    private void EnsureOwn(RoomMember? member)
    {
        if (member is not null && member.RoomId != Id)
        {
            throw new ArgumentException("The member belongs to another room.", nameof(member));
        }
    }
}
