using FluentValidation;
using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Elections;
using Voting.Domain.Users;

namespace Voting.Application.Elections.SetVoterRoll;

/// <summary>Restricts an election to the listed citizen IDs; null opens it to all registered voters again.</summary>
public sealed record SetVoterRollCommand(ElectionId ElectionId, IReadOnlyCollection<string>? CitizenIds);

/// <summary>The roll as stored: how many distinct IDs and the published hash.</summary>
public sealed record VoterRollSummary(EligibilityMode Eligibility, int Size, string? Hash);

public sealed class SetVoterRollValidator : AbstractValidator<SetVoterRollCommand>
{
    private const int MaxReported = 10;

    public SetVoterRollValidator()
    {
        When(c => c.CitizenIds is not null, () =>
        {
            RuleFor(c => c.CitizenIds!).NotEmpty().WithMessage("A voter roll needs at least one citizen ID.")
                .Must(ids => ids.Count <= VoterRoll.MaxSize).WithMessage($"A voter roll holds at most {VoterRoll.MaxSize} citizen IDs.");
            RuleFor(c => c.CitizenIds!).Custom((ids, context) =>
            {
                var invalid = ids.Where(id => !CitizenId.IsValid(id)).Take(MaxReported + 1).ToList();
                if (invalid.Count > 0)
                {
                    var shown = string.Join(", ", invalid.Take(MaxReported).Select(id => $"'{Truncate(id)}'"));
                    context.AddFailure($"These citizen IDs are not valid: {shown}{(invalid.Count > MaxReported ? ", …" : string.Empty)}.");
                }
            });
        });
    }

    private static string Truncate(string? id) => id is null ? "null" : id.Length <= 20 ? id : id[..20] + "…";
}

public sealed class SetVoterRollHandler(
    IValidator<SetVoterRollCommand> validator,
    ICurrentUser currentUser,
    IElectionRepository elections,
    IUnitOfWork unitOfWork)
{
    public async Task<VoterRollSummary> HandleAsync(SetVoterRollCommand command, CancellationToken cancellationToken)
    {
        currentUser.RequireAnyRole(Access.Officials);
        await validator.EnsureValidAsync(command, cancellationToken).ConfigureAwait(false);
        var election = await elections.GetRequiredAsync(command.ElectionId, cancellationToken).ConfigureAwait(false);
        var roll = command.CitizenIds is null ? null : VoterRoll.Create(command.CitizenIds.Select(CitizenId.Parse));
        if (roll is null)
        {
            election.AllowAllRegisteredVoters();
        }
        else
        {
            election.SetVoterRoll(roll);
        }

        await unitOfWork.InTransactionAsync(
            async ct =>
            {
                await elections.ReplaceVoterRollAsync(election.Id, roll, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        return new VoterRollSummary(election.Eligibility, election.VoterRollSize, election.VoterRollHash);
    }
}
