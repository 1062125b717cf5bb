using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Elections;
using Voting.Application.Elections.LiveStatus;
using Voting.Domain.Elections;
using Voting.Domain.Elections.Events;
using Xunit;

namespace Voting.Application.Tests.Elections.LiveStatus;

public sealed class PublishStatusOnChangeTests
{
    private static readonly DateTimeOffset At = new(2030, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly IElectionStatusPublisher _publisher = Substitute.For<IElectionStatusPublisher>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_lifecycle_event_is_published_as_the_status_it_reached_at_its_time()
    {
        var id = ElectionId.New();
        var handler = new PublishStatusOnChange(_publisher);

        await handler.HandleAsync(new ElectionScheduled(id, At), Ct);
        await handler.HandleAsync(new ElectionOpened(id, At.AddHours(1)), Ct);
        await handler.HandleAsync(new ElectionClosed(id, At.AddHours(2)), Ct);
        await handler.HandleAsync(new ElectionResultsPublished(id, At.AddHours(3)), Ct);
        await handler.HandleAsync(new ElectionCancelled(id, At.AddHours(4)), Ct);

        Received.InOrder(() =>
        {
            _publisher.PublishAsync(new ElectionStatusChange(id, ElectionStatus.Scheduled, At), Ct);
            _publisher.PublishAsync(new ElectionStatusChange(id, ElectionStatus.Open, At.AddHours(1)), Ct);
            _publisher.PublishAsync(new ElectionStatusChange(id, ElectionStatus.Closed, At.AddHours(2)), Ct);
            _publisher.PublishAsync(new ElectionStatusChange(id, ElectionStatus.ResultsPublished, At.AddHours(3)), Ct);
            _publisher.PublishAsync(new ElectionStatusChange(id, ElectionStatus.Cancelled, At.AddHours(4)), Ct);
        });
    }
}
