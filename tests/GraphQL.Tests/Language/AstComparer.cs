using System.Collections;
using System.Reflection;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Tests.Language;

/// <summary>Structural equality of syntax trees, locations aside: what a print-then-parse round trip must keep.</summary>
internal static class AstComparer
{
    public static void AssertEqual(Node expected, Node actual) => Compare(expected, actual, "root");

    private static void Compare(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: {expected ?? "null"} vs {actual ?? "null"}");
            return;
        }

        Assert.True(expected.GetType() == actual.GetType(), $"{path}: {expected.GetType().Name} vs {actual.GetType().Name}");
        switch (expected)
        {
            case string or bool or Enum:
                Assert.True(expected.Equals(actual), $"{path}: \"{expected}\" vs \"{actual}\"");
                return;
            case Node:
                foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.Name is nameof(Node.Location) or nameof(Node.Kind))
                    {
                        continue;
                    }

                    Compare(property.GetValue(expected), property.GetValue(actual), path + "." + property.Name);
                }

                return;
            case IList list:
                var other = (IList)actual;
                Assert.True(list.Count == other.Count, $"{path}: {list.Count} items vs {other.Count}");
                for (int i = 0; i < list.Count; i++)
                {
                    Compare(list[i], other[i], $"{path}[{i}]");
                }

                return;
            default:
                Assert.Fail($"{path}: cannot compare {expected.GetType().Name}");
                return;
        }
    }
}
