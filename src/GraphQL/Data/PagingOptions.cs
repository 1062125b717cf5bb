namespace Voting.GraphQL.Data;

/// <summary>
/// Page sizes for every <c>[UsePaging]</c> field that does not set its own: register an instance in the
/// services to change them (they are read from the request services, so no schema rebuild is needed).
/// </summary>
public sealed class PagingOptions
{
    /// <summary>The default maximum, also the <c>@listSize(assumedSize:)</c> of fields that set no maximum of their own.</summary>
    public const int DefaultMaxPageSize = 50;

    /// <summary>The default page size.</summary>
    public const int DefaultDefaultPageSize = 10;

    /// <summary>The page size when the client gives neither <c>first</c> nor <c>last</c>.</summary>
    public int DefaultPageSize { get; init; } = DefaultDefaultPageSize;

    /// <summary>The largest <c>first</c> or <c>last</c> a client may ask for; more is refused with BAD_USER_INPUT.</summary>
    public int MaxPageSize { get; init; } = DefaultMaxPageSize;
}
