namespace Voting.GraphQL.Types;

/// <summary>
/// An event of a topic subscription as the subscription field executes it: the message with its place
/// in the topic, so a resolver can hand clients the sequence to resume after. A resolver parameter of
/// this type receives it; an <see cref="EventMessageAttribute"/> parameter receives <see cref="Message"/>.
/// </summary>
/// <param name="Message">What the sender sent.</param>
/// <param name="Sequence">Its sequence in the topic: grows with every event.</param>
/// <param name="PublishedAt">When the topic took it.</param>
public sealed record SubscriptionEvent(object? Message, long Sequence, DateTimeOffset PublishedAt);
