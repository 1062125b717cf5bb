namespace Voting.GraphQL.Data;

/// <summary>The operation input a filterable property gets, by what its type supports.</summary>
internal enum FilterKind
{
    /// <summary><c>StringOperationFilterInput</c>: equality, membership, substring, prefix and suffix, also ignoring case.</summary>
    String,

    /// <summary><c>BooleanOperationFilterInput</c>: eq, neq.</summary>
    Boolean,

    /// <summary><c>{Enum}OperationFilterInput</c>, <c>IdOperationFilterInput</c> and scalars without an order: eq, neq, in, nin.</summary>
    Equatable,

    /// <summary><c>{Scalar}OperationFilterInput</c> of ordered scalars: eq, neq, in, nin and the comparisons.</summary>
    Comparable,
}
