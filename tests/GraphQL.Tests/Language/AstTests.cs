using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Tests.Language;

public sealed class AstTests
{
    [Fact]
    public void Every_concrete_node_reports_the_kind_named_after_it()
    {
        var nodeTypes = typeof(Node).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Node).IsAssignableFrom(t))
            .ToList();

        Assert.Equal(Enum.GetValues<SyntaxKind>().Length, nodeTypes.Count);
        foreach (var type in nodeTypes)
        {
            var node = (Node)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);
            Assert.Equal(type.Name[..^"Node".Length], node.Kind.ToString());
        }
    }
}
