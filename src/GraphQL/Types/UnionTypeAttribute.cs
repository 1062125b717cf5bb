namespace Voting.GraphQL.Types;

/// <summary>Maps a C# (marker) interface to a GraphQL union of the object types implementing it, rather than to an interface.</summary>
[AttributeUsage(AttributeTargets.Interface, AllowMultiple = false, Inherited = true)]
public sealed class UnionTypeAttribute : Attribute
{
    public UnionTypeAttribute(string? name = null) => Name = name;

    public string? Name { get; }
}
