using Voting.Application.Chat;
using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.WebApi.GraphQL.Chat;

/// <summary>Wires chat's live side: the room topics and the publisher the use cases hand committed log entries to, typing signals, and presence.</summary>
internal static class ChatServiceCollectionExtensions
{
    public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RoomEventStreamOptions>().Bind(configuration.GetSection(RoomEventStreamOptions.SectionName))
            .Validate(o => o.GapHold >= TimeSpan.Zero && o.GapHold <= TimeSpan.FromSeconds(5), "Chat:Subscriptions:GapHold must be between 0 and 5 seconds.")
            .ValidateOnStart();
        services.AddInMemoryTopicEventBus(topics => topics
            .AddPrefix(RoomEventTopic.Prefix, RoomEventTopic.Options)
            .AddPrefix(TypingTopic.Prefix, TypingTopic.Options)
            .AddPrefix(PresenceTopic.Prefix, PresenceTopic.Options));
        services.AddSingleton<IRoomEventPublisher, TopicRoomEventPublisher>();
        services.AddSingleton<ITypingNotifier, TopicTypingNotifier>();
        services.AddSingleton<RoomLogReader>();
        services.AddScoped<RoomEventSubscriptions>();
        services.AddScoped<RoomAccessWatch>();
        services.AddScoped<TypingSubscriptions>();
        services.AddScoped<PresenceSubscriptions>();
        return services;
    }
}
