using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Voting.Application.Abstractions;
using Voting.Domain.Common;

namespace Voting.Infrastructure.Outbox;

/// <summary>Hands a committed event to every <see cref="IDomainEventHandler{TEvent}"/> registered for its type, in order.</summary>
internal sealed class InProcessEventPublisher(IServiceProvider services) : IEventPublisher
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IDomainEvent, CancellationToken, Task>> Dispatchers = new();

    private static readonly MethodInfo PublishTypedMethod =
        typeof(InProcessEventPublisher).GetMethod(nameof(PublishTypedAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var dispatch = Dispatchers.GetOrAdd(
            domainEvent.GetType(),
            type => PublishTypedMethod.MakeGenericMethod(type).CreateDelegate<Func<IServiceProvider, IDomainEvent, CancellationToken, Task>>());
        return dispatch(services, domainEvent, cancellationToken);
    }

    private static async Task PublishTypedAsync<TEvent>(IServiceProvider services, IDomainEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            await handler.HandleAsync((TEvent)domainEvent, cancellationToken).ConfigureAwait(false);
        }
    }
}
