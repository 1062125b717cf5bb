using Voting.Domain.Common;

namespace Voting.Application.Abstractions;

/// <summary>
/// The unit of work could not insert a row because a concurrent request committed one with the same
/// unique key after this one looked for it (a retried send racing its first try, a pair's first two
/// messages, a member added twice). Running the use case again finds that row; if it does not
/// settle the race, CONFLICT reaches the caller.
/// </summary>
public sealed class ConcurrentInsertException(string message, Exception? innerException = null)
    : DomainException(ErrorCodes.Conflict, message, innerException);
