namespace Voting.GraphQL.Types;

/// <summary>
/// On a parameter of a subscription root field's method: the parameter receives the event being
/// executed (the message a topic delivered), not an argument; HotChocolate's <c>[EventMessage]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class EventMessageAttribute : Attribute
{
}
