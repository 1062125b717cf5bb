namespace Voting.Application.Elections.LiveTally;

/// <summary>What <see cref="ILiveTallyStore.ApplyAsync"/> did with a ballot.</summary>
public enum LiveTallyApplyResult
{
    /// <summary>It was the next sequence (or a batch holding it) and is now counted.</summary>
    Applied,

    /// <summary>It was already counted, every ballot of it (a redelivery, or a rebuild that read it from the database): nothing changed.</summary>
    Duplicate,

    /// <summary>Earlier sequences are not counted yet (another dispatcher holds them, or the store lost them): nothing changed.</summary>
    Gap,

    /// <summary>The store holds no tally for the election (never built, or lost): nothing changed.</summary>
    Missing,
}
