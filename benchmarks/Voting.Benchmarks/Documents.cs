using System.Text;

namespace Voting.Benchmarks;

/// <summary>The documents every engine is measured on (benchmarks/documents), read once.</summary>
public static class Documents
{
    public static string Text(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "documents", name + ".graphql"));

    public static byte[] Utf8(string name) => Encoding.UTF8.GetBytes(Text(name));
}
