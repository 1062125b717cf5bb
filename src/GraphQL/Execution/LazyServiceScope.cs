using Microsoft.Extensions.DependencyInjection;

namespace Voting.GraphQL.Execution;

/// <summary>
/// The DI scope of one root field, or of a subscription's source stream, created when a resolver first
/// asks for a service. Most root fields of subscription events (and many of queries) resolve from their
/// parent alone, and a topic subscription asks only for the bus, a singleton, so they never pay for a
/// scope; a request for a type the container does not know (a root type looked up as a service) answers
/// null without making one.
/// </summary>
internal sealed class LazyServiceScope(IServiceProvider parent, IServiceScopeFactory factory, IServiceProviderIsService? isService) : IServiceProvider, IAsyncDisposable
{
    private IServiceScope? _scope;

    /// <summary>The provider the scope is made from: where a singleton is found without making the scope.</summary>
    public IServiceProvider Parent { get; } = parent;

    public object? GetService(Type serviceType)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceType == typeof(IServiceProvider))
        {
            return this;
        }

        if (_scope is null && isService is not null && !isService.IsService(serviceType))
        {
            return null;
        }

        return Scope().ServiceProvider.GetService(serviceType);
    }

    public ValueTask DisposeAsync()
    {
        var scope = Volatile.Read(ref _scope);
        switch (scope)
        {
            case null:
                return ValueTask.CompletedTask;
            case IAsyncDisposable asyncDisposable:
                return asyncDisposable.DisposeAsync();
            default:
                scope.Dispose();
                return ValueTask.CompletedTask;
        }
    }

    // Resolvers of one subtree may run in parallel: the first scope published serves them all, and one made
    // by a resolver that lost the race, from which nothing was resolved, is dropped (no lock held per scope).
    private IServiceScope Scope()
    {
        if (Volatile.Read(ref _scope) is { } existing)
        {
            return existing;
        }

        var created = factory.CreateScope();
        if (Interlocked.CompareExchange(ref _scope, created, null) is { } won)
        {
            created.Dispose();
            return won;
        }

        return created;
    }
}
