using Voting.Domain.Users;
using Voting.GraphQL.Server.Authorization;
using Voting.GraphQL.Subscriptions.Topics;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL;

/// <summary>The mutation root.</summary>
public sealed partial class Mutation
{
    [Authorize(Roles = [nameof(Role.Admin), nameof(Role.ElectionOfficer)])]
    [GraphQLDescription("Admins and election officers: sends an announcement to every `announcements` subscriber: 1 to 4000 characters, line breaks allowed, no other control characters.")]
    public async Task<Announcement> AnnounceAsync(string text, [Service] ITopicEventSender sender, CancellationToken cancellationToken)
    {
        var checkedText = AnnouncementTopic.Validate(text);
        var message = new AnnouncementTopic.Message(checkedText, DateTimeOffset.UtcNow);
        var sequence = await sender.SendAsync(AnnouncementTopic.Name, message, cancellationToken).ConfigureAwait(false);
        return new Announcement(sequence, message.Text, message.PublishedAt);
    }
}
