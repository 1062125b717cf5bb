using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Types;
using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Limits;

namespace Voting.GraphQL.Server;

/// <summary>
/// What <see cref="GraphQLServiceCollectionExtensions.AddGraphQLServer"/> returns: the schema's types, code-first
/// as HotChocolate's <c>IRequestExecutorBuilder</c> takes them, and the server's options. The schema is built
/// once, when the endpoint is mapped, from everything added here.
/// </summary>
public sealed class GraphQLServerBuilder
{
    private readonly GraphQLSchemaSetup _schema;

    internal GraphQLServerBuilder(IServiceCollection services, GraphQLSchemaSetup schema)
    {
        Services = services;
        _schema = schema;
    }

    public IServiceCollection Services { get; }

    public GraphQLServerBuilder AddQueryType<T>() => ConfigureSchema(b => b.AddQueryType<T>());

    public GraphQLServerBuilder AddMutationType<T>() => ConfigureSchema(b => b.AddMutationType<T>());

    public GraphQLServerBuilder AddSubscriptionType<T>() => ConfigureSchema(b => b.AddSubscriptionType<T>());

    /// <summary>Adds a C# type nothing else reaches, e.g. an implementation of an interface.</summary>
    public GraphQLServerBuilder AddType<T>() => ConfigureSchema(b => b.AddType<T>());

    /// <summary>Adds a type built by hand.</summary>
    public GraphQLServerBuilder AddType(NamedType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return ConfigureSchema(b => b.AddType(type));
    }

    /// <summary>Anything else <see cref="SchemaBuilder"/> offers: custom scalars, directives.</summary>
    public GraphQLServerBuilder ConfigureSchema(Action<SchemaBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _schema.Add(configure);
        return this;
    }

    /// <summary>Changes the server's options; in registration order with the host's other <c>Configure</c> calls, such as binding configuration.</summary>
    public GraphQLServerBuilder ModifyOptions(Action<GraphQLServerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }

    /// <summary>Runs <paramref name="rule"/> after the specified rules on every document (<see cref="GraphQLServerOptions.AdditionalRules"/>).</summary>
    public GraphQLServerBuilder AddValidationRule(Func<ValidationContext, ValidationRule> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return ModifyOptions(o => o.AdditionalRules = [.. o.AdditionalRules, rule]);
    }

    /// <summary>Refuses operations past the depth, alias, directive and cost limits (<see cref="LimitRules"/>), after the specified rules.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is out of its range.</exception>
    public GraphQLServerBuilder AddQueryLimits(LimitOptions? limits = null)
    {
        var rules = LimitRules.For(limits ?? LimitOptions.Default);
        return ModifyOptions(o => o.AdditionalRules = [.. o.AdditionalRules, .. rules]);
    }

    /// <summary>Maps the application's exceptions to client errors (<see cref="GraphQLServerOptions.TranslateException"/>), as HotChocolate's error filters do.</summary>
    public GraphQLServerBuilder TranslateExceptions(Func<Exception, GraphQLException?> translate)
    {
        ArgumentNullException.ThrowIfNull(translate);
        return ModifyOptions(o => o.TranslateException = translate);
    }

    /// <summary>Keeps automatic persisted queries in <typeparamref name="TStore"/> (a singleton) instead of this process's memory.</summary>
    public GraphQLServerBuilder AddPersistedQueryStore<TStore>()
        where TStore : class, IPersistedQueryStore
    {
        Services.Replace(ServiceDescriptor.Singleton<IPersistedQueryStore, TStore>());
        return this;
    }
}
