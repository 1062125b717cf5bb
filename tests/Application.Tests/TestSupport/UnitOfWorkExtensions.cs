using NSubstitute;
using Voting.Application.Abstractions;

namespace Voting.Application.Tests.TestSupport;

internal static class UnitOfWorkExtensions
{
    /// <summary>Makes the substitute run the work it is given, as the real unit of work does inside its transaction.</summary>
    public static IUnitOfWork RunsTransactionsOf<T>(this IUnitOfWork unitOfWork)
    {
        unitOfWork.InTransactionAsync(Arg.Any<Func<CancellationToken, Task<T>>>(), Arg.Any<CancellationToken>())
            .Returns(call => call.Arg<Func<CancellationToken, Task<T>>>()(call.ArgAt<CancellationToken>(1)));
        return unitOfWork;
    }

    public static Task<T> ReceivedOneTransactionOf<T>(this IUnitOfWork unitOfWork) =>
        unitOfWork.Received(1).InTransactionAsync(Arg.Any<Func<CancellationToken, Task<T>>>(), Arg.Any<CancellationToken>());
}
