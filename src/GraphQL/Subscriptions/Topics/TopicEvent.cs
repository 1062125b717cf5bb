namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>An event of a topic.</summary>
/// <param name="Sequence">Its place in the topic: per topic sequences start at 1 and only grow.</param>
/// <param name="Message">What the sender sent.</param>
/// <param name="PublishedAt">When the bus appended it to the topic.</param>
public readonly record struct TopicEvent<T>(long Sequence, T Message, DateTimeOffset PublishedAt);
