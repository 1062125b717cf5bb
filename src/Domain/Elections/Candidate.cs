using Voting.Domain.Common;

namespace Voting.Domain.Elections;

/// <summary>A choice on an election's ballot. Created and removed only through its <see cref="Election"/>.</summary>
public sealed class Candidate
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 1000;

    private Candidate()
    {
    }

    internal Candidate(ElectionId electionId, string name, string? description, int displayOrder)
    {
        Id = CandidateId.New();
        ElectionId = electionId;
        Name = Text.Required(name, "Candidate name", MaxNameLength);
        Description = Text.Optional(description, "Candidate description", MaxDescriptionLength);
        DisplayOrder = displayOrder;
    }

    public CandidateId Id { get; private set; }

    public ElectionId ElectionId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>A short description or the candidate's party.</summary>
    public string Description { get; private set; } = string.Empty;

    public int DisplayOrder { get; private set; }
}
