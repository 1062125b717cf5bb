using Microsoft.Extensions.DependencyInjection;

namespace Voting.GraphQL.Execution;

/// <summary>
/// The DI scope of one root field, created when a resolver of its subtree first asks for a service.
/// Most root fields of subscription events (and many of queries) resolve from their parent alone, so
/// they never pay for a scope; a request for a type the container does not know (a root type looked
/// up as a service) answers null without making one.
/// </summary>
internal sealed class LazyServiceScope(IServiceScopeFactory factory, IServiceProviderIsService? isService) : IServiceProvider, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private IServiceScope? _scope;

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
        IServiceScope? scope;
        lock (_gate)
        {
            scope = _scope;
        }

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

    // Resolvers of one subtree may run in parallel: the first to ask makes the scope for all.
    private IServiceScope Scope()
    {
        if (Volatile.Read(ref _scope) is { } existing)
        {
            return existing;
        }

        lock (_gate)
        {
            return _scope ??= factory.CreateScope();
        }
    }
}
