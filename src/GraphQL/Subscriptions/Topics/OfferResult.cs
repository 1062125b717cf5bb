namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>What a subscriber did with an event its topic offered.</summary>
internal enum OfferResult
{
    /// <summary>Kept in its buffer for its reader's next move.</summary>
    Buffered,

    /// <summary>Handed to its waiting reader, which the topic must wake once its gate is released.</summary>
    Handed,

    /// <summary>The subscriber is over: the topic drops it.</summary>
    Over,
}
