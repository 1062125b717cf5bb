using Voting.Domain.Ballots;
using Voting.Domain.Common;
using Voting.Domain.Elections.Events;
using Voting.Domain.Users;

namespace Voting.Domain.Elections;

/// <summary>
/// An election and its rules: the lifecycle, the ballot, who may vote, and what a vote produces.
/// </summary>
public sealed class Election : AggregateRoot
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxCandidates = 500;
    public const int MinCandidatesToOpen = 2;

    private readonly List<Candidate> _candidates = [];

    private Election()
    {
    }

    public ElectionId Id { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Description { get; private set; } = string.Empty;

    public DateTimeOffset OpensAt { get; private set; }

    public DateTimeOffset ClosesAt { get; private set; }

    public ElectionStatus Status { get; private set; }

    public BallotKind BallotKind { get; private set; }

    public ResultsVisibility ResultsVisibility { get; private set; }

    public EligibilityMode Eligibility { get; private set; }

    /// <summary>SHA-256 of the voter roll (see <see cref="VoterRoll"/>); null when all registered voters are eligible.</summary>
    public string? VoterRollHash { get; private set; }

    public int VoterRollSize { get; private set; }

    /// <summary>
    /// How many people could vote, fixed when the election closes: the roll's size, or the number
    /// of registered voters at that moment. Turnout is measured against it, so it does not drift
    /// as people register later.
    /// </summary>
    public long? Electorate { get; private set; }

    public UserId CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? OpenedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public DateTimeOffset? ResultsPublishedAt { get; private set; }

    /// <summary>Grows with every change; the concurrency token that stops two officers overwriting each other.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<Candidate> Candidates => _candidates;

    public bool IsFrozen => Status is not (ElectionStatus.Draft or ElectionStatus.Scheduled);

    public static Election Create(
        string title,
        string? description,
        DateTimeOffset opensAt,
        DateTimeOffset closesAt,
        BallotKind ballotKind,
        ResultsVisibility resultsVisibility,
        UserId createdBy,
        IClock clock)
    {
        var election = new Election
        {
            Id = ElectionId.New(),
            Status = ElectionStatus.Draft,
            BallotKind = Defined(ballotKind),
            Eligibility = EligibilityMode.AllRegisteredVoters,
            CreatedBy = createdBy,
            CreatedAt = clock.UtcNow,
        };
        election.SetDetails(title, description, opensAt, closesAt, resultsVisibility, clock);
        return election;
    }

    public void UpdateDetails(
        string title,
        string? description,
        DateTimeOffset opensAt,
        DateTimeOffset closesAt,
        ResultsVisibility resultsVisibility,
        IClock clock)
    {
        EnsureEditable("edited");
        SetDetails(title, description, opensAt, closesAt, resultsVisibility, clock);
        Touch();
    }

    public Candidate AddCandidate(string name, string? description, int? displayOrder = null)
    {
        EnsureEditable("given new candidates");
        if (_candidates.Count >= MaxCandidates)
        {
            throw DomainException.Validation($"An election has at most {MaxCandidates} candidates.");
        }

        var last = _candidates.Count == 0 ? 0 : _candidates.Max(c => c.DisplayOrder);
        if (displayOrder is null && last == int.MaxValue)
        {
            throw DomainException.Validation("Give the new candidate's display order explicitly: the highest one is taken.");
        }

        var order = displayOrder ?? (last + 1);
        if (order < 0)
        {
            throw DomainException.Validation("Display order must not be negative.");
        }

        var candidate = new Candidate(Id, name, description, order);
        if (_candidates.Any(c => string.Equals(c.Name, candidate.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw DomainException.Validation($"A candidate named '{candidate.Name}' already stands in this election.");
        }

        _candidates.Add(candidate);
        Touch();
        return candidate;
    }

    public void RemoveCandidate(CandidateId candidateId)
    {
        EnsureEditable("stripped of candidates");
        var candidate = _candidates.FirstOrDefault(c => c.Id == candidateId)
            ?? throw DomainException.NotFound($"Candidate '{candidateId}' does not stand in this election.");
        _candidates.Remove(candidate);
        Touch();
    }

    /// <summary>Restricts voting to <paramref name="roll"/>; its hash is published and it is frozen at opening.</summary>
    public void SetVoterRoll(VoterRoll roll)
    {
        ArgumentNullException.ThrowIfNull(roll);
        EnsureEditable("given a new voter roll");
        Eligibility = EligibilityMode.VoterRoll;
        VoterRollHash = roll.Hash;
        VoterRollSize = roll.Count;
        Touch();
    }

    /// <summary>Opens the election to every registered voter again, dropping the roll.</summary>
    public void AllowAllRegisteredVoters()
    {
        EnsureEditable("given new eligibility");
        Eligibility = EligibilityMode.AllRegisteredVoters;
        VoterRollHash = null;
        VoterRollSize = 0;
        Touch();
    }

    public void Schedule(IClock clock)
    {
        EnsureStatus(ElectionStatus.Draft, "scheduled");
        EnsureReadyToRun();
        if (ClosesAt <= clock.UtcNow)
        {
            throw DomainException.InvalidState("An election whose closing time has passed cannot be scheduled.");
        }

        Status = ElectionStatus.Scheduled;
        Touch();
        Raise(new ElectionScheduled(Id, clock.UtcNow));
    }

    public void Open(IClock clock)
    {
        EnsureStatus(ElectionStatus.Scheduled, "opened");
        EnsureReadyToRun();
        var now = clock.UtcNow;
        if (now < OpensAt)
        {
            throw DomainException.InvalidState($"The election cannot open before its opening time {OpensAt:O}.");
        }

        if (now >= ClosesAt)
        {
            throw DomainException.InvalidState("The election's closing time has passed.");
        }

        Status = ElectionStatus.Open;
        OpenedAt = now;
        Touch();
        Raise(new ElectionOpened(Id, now));
    }

    /// <param name="clock">The time source.</param>
    /// <param name="registeredVoters">Users holding the Voter role now; the electorate of an election without a roll.</param>
    public void Close(IClock clock, long registeredVoters)
    {
        EnsureStatus(ElectionStatus.Open, "closed");
        ArgumentOutOfRangeException.ThrowIfNegative(registeredVoters);
        var now = clock.UtcNow;
        if (now < ClosesAt)
        {
            throw DomainException.InvalidState($"The election cannot close before its closing time {ClosesAt:O}.");
        }

        Status = ElectionStatus.Closed;
        ClosedAt = now;
        Electorate = Eligibility == EligibilityMode.VoterRoll ? VoterRollSize : registeredVoters;
        Touch();
        Raise(new ElectionClosed(Id, now));
    }

    public void Cancel(IClock clock)
    {
        if (Status is not (ElectionStatus.Draft or ElectionStatus.Scheduled or ElectionStatus.Open))
        {
            throw DomainException.InvalidState($"An election that is {Status} cannot be cancelled.");
        }

        Status = ElectionStatus.Cancelled;
        CancelledAt = clock.UtcNow;
        Touch();
        Raise(new ElectionCancelled(Id, clock.UtcNow));
    }

    public void PublishResults(IClock clock)
    {
        EnsureStatus(ElectionStatus.Closed, "published");
        Status = ElectionStatus.ResultsPublished;
        ResultsPublishedAt = clock.UtcNow;
        Touch();
        Raise(new ElectionResultsPublished(Id, clock.UtcNow));
    }

    /// <summary>Whether <paramref name="voter"/> may vote here, leaving aside whether they already did.</summary>
    public bool IsEligible(User voter, bool onVoterRoll)
    {
        ArgumentNullException.ThrowIfNull(voter);
        return voter.HasRole(Role.Voter) && (Eligibility == EligibilityMode.AllRegisteredVoters || onVoterRoll);
    }

    /// <summary>
    /// The first rule of casting, the one that does not depend on the voter: the election is open and
    /// within its voting window. ELECTION_NOT_OPEN otherwise.
    /// </summary>
    public void EnsureTakingVotes(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.UtcNow;
        if (Status != ElectionStatus.Open || now < OpensAt || now >= ClosesAt)
        {
            throw new DomainException(ErrorCodes.ElectionNotOpen, "The election is not open for voting.");
        }
    }

    /// <summary>Checks every rule of casting without producing anything; <see cref="CastVote"/> checks them again.</summary>
    public void EnsureCanCast(User voter, BallotChoice choice, VoterStanding standing, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(standing);
        EnsureTakingVotes(clock);

        if (!IsEligible(voter, standing.OnVoterRoll))
        {
            throw new DomainException(ErrorCodes.NotEligible, "You are not eligible to vote in this election.");
        }

        if (standing.HasVoted)
        {
            throw new DomainException(ErrorCodes.AlreadyVoted, "You have already voted in this election.");
        }

        choice.EnsureValidFor(BallotKind, _candidates);
    }

    /// <summary>
    /// Casts <paramref name="voter"/>'s ballot. Produces a participation and a ballot that share no
    /// key, and a fresh receipt. <paramref name="sequence"/> is the ballot's place in this election.
    /// </summary>
    public CastVoteResult CastVote(User voter, BallotChoice choice, VoterStanding standing, long sequence, IClock clock)
    {
        EnsureCanCast(voter, choice, standing, clock);
        if (sequence < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), "Ballot sequences start at 1.");
        }

        var now = clock.UtcNow;
        var receipt = Receipt.New();
        var candidate = choice.Candidates[0];
        var participation = new Participation(Id, voter.Id, now);
        var ballot = new Ballot(Id, candidate, receipt.Hash, sequence);
        // The event carries the hour only: the ballot side keeps no exact time (ADR 0002).
        Raise(new VoteCast(Id, candidate, sequence, Participation.TruncateToHour(now)));
        return new CastVoteResult(participation, ballot, receipt);
    }

    /// <summary>Whether running tallies may be shown now, by the election's visibility rule.</summary>
    public bool TalliesVisible => TalliesVisibleFor(Status, ResultsVisibility);

    /// <summary>Tallies are shown while open only for <see cref="ResultsVisibility.Live"/>, and to everyone once closed.</summary>
    public static bool TalliesVisibleFor(ElectionStatus status, ResultsVisibility visibility) => status switch
    {
        ElectionStatus.Open => visibility == ResultsVisibility.Live,
        ElectionStatus.Closed or ElectionStatus.ResultsPublished => true,
        _ => false,
    };

    private void SetDetails(
        string title,
        string? description,
        DateTimeOffset opensAt,
        DateTimeOffset closesAt,
        ResultsVisibility resultsVisibility,
        IClock clock)
    {
        var newTitle = Text.Required(title, "Title", MaxTitleLength);
        var newDescription = Text.Optional(description, "Description", MaxDescriptionLength);
        var newVisibility = Defined(resultsVisibility);
        if (opensAt.Offset != TimeSpan.Zero || closesAt.Offset != TimeSpan.Zero)
        {
            throw DomainException.Validation("Opening and closing times must be given in UTC.");
        }

        if (closesAt <= opensAt)
        {
            throw DomainException.Validation("The closing time must come after the opening time.");
        }

        if (closesAt <= clock.UtcNow)
        {
            throw DomainException.Validation("The closing time must be in the future.");
        }

        Title = newTitle;
        Description = newDescription;
        OpensAt = opensAt;
        ClosesAt = closesAt;
        ResultsVisibility = newVisibility;
    }

    private void EnsureEditable(string action)
    {
        if (IsFrozen)
        {
            throw DomainException.InvalidState($"An election that is {Status} cannot be {action}.");
        }
    }

    private void EnsureStatus(ElectionStatus expected, string action)
    {
        if (Status != expected)
        {
            throw DomainException.InvalidState($"An election that is {Status} cannot be {action}; it must be {expected}.");
        }
    }

    private void EnsureReadyToRun()
    {
        if (_candidates.Count < MinCandidatesToOpen)
        {
            throw DomainException.InvalidState($"An election needs at least {MinCandidatesToOpen} candidates.");
        }

        if (Eligibility == EligibilityMode.VoterRoll && VoterRollSize == 0)
        {
            throw DomainException.InvalidState("The election's voter roll is empty.");
        }
    }

    private void Touch() => Version++;

    private static TEnum Defined<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? value : throw DomainException.Validation($"Unknown {typeof(TEnum).Name} '{value}'.");
}
