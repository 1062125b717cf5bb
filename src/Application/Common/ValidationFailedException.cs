using Voting.Domain.Common;

namespace Voting.Application.Common;

/// <summary>A request failed validation; <see cref="Errors"/> holds the messages per field.</summary>
public sealed class ValidationFailedException : DomainException
{
    public ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
        : base(ErrorCodes.Validation, string.Join(" ", errors.SelectMany(e => e.Value)))
    {
        Errors = errors;
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
