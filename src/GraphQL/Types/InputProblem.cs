using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>Why an input value is not a value of its type: the message, where inside the value, and the literal at fault if it is one.</summary>
public sealed record InputProblem(string Message, IReadOnlyList<object> Path, Node? Node = null)
{
    /// <summary>graphql-js's printPathArray: <c> at .a[0].b</c>, or nothing for the value itself.</summary>
    public string PrintPath() =>
        Path.Count == 0 ? string.Empty : " at " + string.Concat(Path.Select(p => p is int i ? $"[{i}]" : $".{p}"));
}
