namespace Voting.GraphQL.Tests.Fetching;

/// <summary>A service provider of fixed instances, enough to construct loaders.</summary>
internal sealed class TestServices : IServiceProvider
{
    private readonly Dictionary<Type, object> _services = [];

    public TestServices Add<T>(T service)
        where T : notnull
    {
        _services[typeof(T)] = service;
        return this;
    }

    public object? GetService(Type serviceType) => _services.GetValueOrDefault(serviceType);
}
