using Voting.GraphQL.Errors;

namespace Voting.GraphQL.Execution;

/// <summary>
/// The errors of an execution (graphql-js 17's CollectedErrors): each is recorded at the position
/// that became null because of it, and an error below a position that is already null is dropped,
/// because the client cannot see that part of the response anyway. Thread-safe: parallel resolvers
/// finish on any thread.
/// </summary>
internal sealed class CollectedErrors
{
    private readonly Lock _gate = new();
    private readonly List<GraphQLError> _errors = [];
    private readonly HashSet<ResponsePath> _nulledPositions = new(ReferenceEqualityComparer.Instance);
    private bool _rootNulled;

    public IReadOnlyList<GraphQLError> Snapshot()
    {
        lock (_gate)
        {
            return _errors.Count == 0 ? [] : [.. _errors];
        }
    }

    /// <param name="error">The error.</param>
    /// <param name="position">Where null was put; null for the whole of <c>data</c>.</param>
    public void Add(GraphQLError error, ResponsePath? position)
    {
        lock (_gate)
        {
            if (_rootNulled)
            {
                return;
            }

            for (var path = position; path is not null; path = path.Parent)
            {
                if (_nulledPositions.Contains(path))
                {
                    return;
                }
            }

            if (position is null)
            {
                _rootNulled = true;
            }
            else
            {
                _nulledPositions.Add(position);
            }

            _errors.Add(error);
        }
    }
}
