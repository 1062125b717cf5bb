using Microsoft.Extensions.Options;
using Voting.Application.Abstractions;
using Voting.Application.Elections.LiveStatus;
using Voting.Application.Elections.LiveTally;
using Voting.Domain.Elections.Events;
using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.WebApi.GraphQL.Live;

/// <summary>Wires the live subscriptions: topic options, the publishers behind the outbox handlers, and the subscription sources.</summary>
internal static class LiveUpdatesServiceCollectionExtensions
{
    public static IServiceCollection AddLiveUpdates(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LiveTallyOptions>().Bind(configuration.GetSection(LiveTallyOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<LiveTallyOptions>>().Value);
        services.AddInMemoryTopicEventBus(topics => topics
            .AddPrefix(TallyTopic.Prefix, TallyTopic.Options)
            .AddPrefix(ElectionStatusTopic.Prefix, ElectionStatusTopic.Options));

        services.AddSingleton<ITallyPublisher, TopicTallyPublisher>();
        services.AddSingleton<IElectionStatusPublisher, TopicElectionStatusPublisher>();
        services.AddSingleton<LiveTallyCoalescer>();

        // Scoped: it applies the votes to the live count, which reads the database when it rebuilds. A batch's
        // votes come as one VotesCast (ADR 0035); a lone VoteCast is a row stored before, still delivered.
        services.AddScoped<PublishTallyOnVoteCast>();
        services.AddScoped<IDomainEventHandler<VotesCast>>(sp => sp.GetRequiredService<PublishTallyOnVoteCast>());
        services.AddScoped<IDomainEventHandler<VoteCast>>(sp => sp.GetRequiredService<PublishTallyOnVoteCast>());
        services.AddSingleton<PublishStatusOnChange>();
        services.AddSingleton<IDomainEventHandler<ElectionScheduled>>(sp => sp.GetRequiredService<PublishStatusOnChange>());
        services.AddSingleton<IDomainEventHandler<ElectionOpened>>(sp => sp.GetRequiredService<PublishStatusOnChange>());
        services.AddSingleton<IDomainEventHandler<ElectionClosed>>(sp => sp.GetRequiredService<PublishStatusOnChange>());
        services.AddSingleton<IDomainEventHandler<ElectionCancelled>>(sp => sp.GetRequiredService<PublishStatusOnChange>());
        services.AddSingleton<IDomainEventHandler<ElectionResultsPublished>>(sp => sp.GetRequiredService<PublishStatusOnChange>());

        services.AddScoped<TallySubscriptions>();
        services.AddScoped<ElectionStatusSubscriptions>();
        return services;
    }
}
