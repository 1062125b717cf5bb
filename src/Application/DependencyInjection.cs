using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Voting.Application.Abstractions;
using Voting.Domain.Elections.Events;

namespace Voting.Application;

public static class DependencyInjection
{
    /// <summary>Registers every use-case handler and validator of this assembly (scoped).</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(new Users.Sessions.SessionOptions());

        // Infrastructure replaces it with the Redis live tally when Redis is configured.
        services.TryAddScoped<Elections.LiveTally.ILiveTallyCounts, Elections.LiveTally.DatabaseTallyCounts>();

        // Group commit of a room's messages: one queue per process, a scope per batch.
        services.TryAddSingleton<Chat.SendMessage.RoomSendQueue>();
        services.AddScoped<Chat.SendMessage.RoomSendBatch>();

        services.AddScoped<Chat.ElectionRooms.PostElectionNotices>();
        services.AddScoped<IDomainEventHandler<ElectionOpened>>(sp => sp.GetRequiredService<Chat.ElectionRooms.PostElectionNotices>());
        services.AddScoped<IDomainEventHandler<ElectionClosed>>(sp => sp.GetRequiredService<Chat.ElectionRooms.PostElectionNotices>());
        services.AddScoped<IDomainEventHandler<ElectionResultsPublished>>(sp => sp.GetRequiredService<Chat.ElectionRooms.PostElectionNotices>());

        // The FluentValidation DI package is not restorable here, so handlers and validators are found by name.
        foreach (var type in typeof(DependencyInjection).Assembly.GetTypes())
        {
            if (type is not { IsClass: true, IsAbstract: false, IsPublic: true })
            {
                continue;
            }

            // Handle: a use case whose result is a query still to be composed and run by the caller.
            if (type.Name.EndsWith("Handler", StringComparison.Ordinal) && (type.GetMethod("HandleAsync") ?? type.GetMethod("Handle")) is not null)
            {
                services.AddScoped(type);
            }

            foreach (var contract in type.GetInterfaces())
            {
                if (contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IValidator<>))
                {
                    services.AddSingleton(contract, type);
                }
            }
        }

        return services;
    }
}
