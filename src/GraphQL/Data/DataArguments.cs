namespace Voting.GraphQL.Data;

/// <summary>The argument names the data attributes add (HotChocolate's).</summary>
internal static class DataArguments
{
    public const string Where = "where";
    public const string Order = "order";
    public const string First = "first";
    public const string After = "after";
    public const string Last = "last";
    public const string Before = "before";
}
