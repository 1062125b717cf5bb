namespace Voting.GraphQL.Subscriptions;

/// <summary>
/// Names the topic a <see cref="SubscribeAttribute"/> field subscribes to, HotChocolate's <c>[Topic]</c>:
/// a template whose <c>{argument}</c> placeholders take the field's argument values, such as
/// <c>"tally:{electionId}"</c>. Without it the topic is the field's name.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class TopicAttribute(string template) : Attribute
{
    /// <summary>The topic name template.</summary>
    public string Template { get; } = template;
}
