namespace Voting.Domain.Common;

/// <summary>A rule refused an operation. <see cref="Code"/> is one of <see cref="ErrorCodes"/>.</summary>
public class DomainException : Exception
{
    public DomainException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public DomainException(string code, string message, Exception? innerException)
        : base(message, innerException)
    {
        Code = code;
    }

    public string Code { get; }

    public static DomainException Validation(string message) => new(ErrorCodes.Validation, message);

    public static DomainException InvalidState(string message) => new(ErrorCodes.InvalidState, message);

    public static DomainException NotFound(string message) => new(ErrorCodes.NotFound, message);
}
