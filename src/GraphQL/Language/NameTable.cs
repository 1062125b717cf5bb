using System.Text;

namespace Voting.GraphQL.Language;

/// <summary>
/// Interns the names of one document: a field or type name repeated across a document becomes one string.
/// A small direct-mapped table is enough, since names repeat close together; a collision only costs a copy.
/// </summary>
internal sealed class NameTable
{
    private const int Size = 256;
    private readonly string?[] _entries = new string?[Size];

    public string Get(ReadOnlySpan<byte> name)
    {
        uint hash = 2166136261;
        foreach (byte b in name)
        {
            hash = (hash ^ b) * 16777619;
        }

        ref string? slot = ref _entries[hash % Size];
        if (slot is not null && Matches(slot, name))
        {
            return slot;
        }

        slot = Encoding.ASCII.GetString(name);
        return slot;
    }

    private static bool Matches(string text, ReadOnlySpan<byte> name)
    {
        if (text.Length != name.Length)
        {
            return false;
        }

        for (int i = 0; i < name.Length; i++)
        {
            if (text[i] != name[i])
            {
                return false;
            }
        }

        return true;
    }
}
