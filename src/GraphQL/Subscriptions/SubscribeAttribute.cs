using System.Reflection;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Subscriptions;

/// <summary>
/// Makes a subscription root field's source stream a topic of the <see cref="Topics.ITopicEventReceiver"/>
/// (HotChocolate's <c>[Subscribe]</c>): the method is then the resolver of each event, which it takes
/// through an <see cref="EventMessageAttribute"/> parameter (or a <see cref="SubscriptionEvent"/> one, to
/// see the event's sequence). The topic is <see cref="TopicAttribute"/>'s template filled with the
/// field's arguments, or the field's name.
/// </summary>
/// <remarks>
/// The template's placeholders and <see cref="AfterSequenceArgument"/> are checked when the schema is
/// built, so a misspelt argument never reaches a client.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class SubscribeAttribute : FieldConfigurationAttribute
{
    /// <summary>
    /// The name of a <c>Long</c> (or <c>Int</c>) argument that resumes the subscription: given, the stream
    /// starts with the topic's events after that sequence (from its replay window), then goes on live.
    /// </summary>
    public string? AfterSequenceArgument { get; init; }

    /// <summary>
    /// The CLR type of the topic's messages. Without it: the type of the <see cref="EventMessageAttribute"/>
    /// parameter, else the field's result type.
    /// </summary>
    public Type? MessageType { get; init; }

    /// <inheritdoc />
    public override void Configure(FieldConfiguration field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.Member is not MethodInfo method)
        {
            throw new SchemaValidationException($"[Subscribe] on {field.DeclaringType.Name}.{field.Member.Name}: only methods subscribe.");
        }

        if (field.Subscriber is not null)
        {
            throw new SchemaValidationException($"[Subscribe] on {field.DeclaringType.Name}.{method.Name}: the method already returns a stream; a topic field's method resolves one event.");
        }

        var messageParameter = Array.Find(method.GetParameters(), p => p.IsDefined(typeof(EventMessageAttribute), inherit: true));
        var messageType = MessageType ?? messageParameter?.ParameterType ?? field.ResultType;
        var template = TopicTemplate.Parse(method.GetCustomAttribute<TopicAttribute>()?.Template ?? field.Name, field);
        if (AfterSequenceArgument is { } resume
            && field.GetArgument(resume)?.Type.GetNamedType() is not { Name: "Long" or "Int" })
        {
            throw new SchemaValidationException($"[Subscribe] on {field.DeclaringType.Name}.{method.Name}: AfterSequenceArgument \"{resume}\" must name a Long or Int argument of the field.");
        }

        var subscriber = (ITopicFieldSubscriber)Activator.CreateInstance(typeof(TopicFieldSubscriber<>).MakeGenericType(messageType), template, AfterSequenceArgument)!;
        field.Subscriber = subscriber.SubscribeAsync;
    }
}
