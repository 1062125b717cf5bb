namespace Voting.GraphQL.Tests.Validation.Differential;

/// <summary>
/// Documents written on purpose for each validation rule of spec section 5, valid and invalid, against
/// <see cref="DifferentialSchema"/>. Names are stable Ids (known differences refer to them).
/// </summary>
internal static class HandWrittenDocuments
{
    public static IReadOnlyList<(string Name, string Document)> All { get; } =
    [
        ("valid-simple", "{ me { id displayName } }"),
    ];
}
