using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL;

[GraphQLDescription("A notice to everyone watching.")]
public sealed record Announcement(
    [property: GraphQLDescription("Its place among announcements: grows by one with each; resume `announcements(afterSequence:)` after the last one seen.")] long Sequence,
    string Text,
    DateTimeOffset PublishedAt);
