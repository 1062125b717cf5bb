using Voting.Application.Elections;

namespace Voting.Application.Abstractions;

/// <summary>Hands a committed status change to whoever watches the election (the <c>electionStatusChanged</c> subscription).</summary>
public interface IElectionStatusPublisher
{
    Task PublishAsync(ElectionStatusChange change, CancellationToken cancellationToken);
}
