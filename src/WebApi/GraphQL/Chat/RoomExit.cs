using System.Runtime.CompilerServices;
using Voting.GraphQL.Errors;
using DomainCodes = Voting.Domain.Common.ErrorCodes;
using RoomEventKind = Voting.Domain.Chat.RoomEventKind;

namespace Voting.WebApi.GraphQL.Chat;

/// <summary>
/// "Access ends with membership": a subscriber's live streams of a room end when the room's log shows
/// them kicked, banned or leaving, as Matrix stops syncing a room one has left. The log entry is the
/// trigger, so a change made on any instance ends the streams on every instance the topic bus reaches.
/// </summary>
internal static class RoomExit
{
    /// <summary>The error that ends <paramref name="subscriber"/>'s streams when <paramref name="entry"/> takes their access; null otherwise.</summary>
    public static GraphQLException? Of(RoomEventNode entry, Guid subscriber)
    {
        if (entry.SubjectId != subscriber)
        {
            return null;
        }

        var (code, message) = entry.Kind switch
        {
            RoomEventKind.MemberBanned => (DomainCodes.Banned, "You were banned from this room."),
            RoomEventKind.MemberKicked => (DomainCodes.NotAMember, "You were removed from this room."),
            RoomEventKind.MemberLeft => (DomainCodes.NotAMember, "You left this room."),
            _ => (null, null),
        };
        return code is null
            ? null
            : new GraphQLException(message!, code, new Dictionary<string, object?> { ["lastSequence"] = entry.Sequence });
    }

    /// <summary>
    /// Passes <paramref name="entries"/> on; after one that takes <paramref name="subscriber"/>'s access, ends with
    /// its error. Only entries after <paramref name="checkedAt"/> (the room's sequence when the subscriber's access
    /// was checked) count: earlier ones are history the check already saw, such as a kick before a rejoin.
    /// </summary>
    public static async IAsyncEnumerable<RoomEventNode> Until(
        IAsyncEnumerable<RoomEventNode> entries,
        Guid subscriber,
        long checkedAt,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entry in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return entry;
            if (entry.Sequence > checkedAt && Of(entry, subscriber) is { } exit)
            {
                throw exit;
            }
        }
    }
}
