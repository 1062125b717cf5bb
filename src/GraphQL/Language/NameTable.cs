using System.Text;

namespace Voting.GraphQL.Language;

/// <summary>
/// Interns the names of one document: a field or type name repeated across a document becomes one string.
/// A small direct-mapped table is enough, since names repeat close together; a collision only costs a copy.
/// One table per thread is reused across parses, so the names of a schema's fields are shared by every
/// request that selects them; only short names are kept, so a hostile document cannot make it hold much.
/// </summary>
internal sealed class NameTable
{
    private const int Size = 256;
    private const int MaxCachedLength = 64;

    [ThreadStatic]
    private static NameTable? s_cached;

    private readonly string?[] _entries = new string?[Size];

    public static NameTable Rent()
    {
        var table = s_cached ?? new NameTable();
        s_cached = null;
        return table;
    }

    public static void Return(NameTable table) => s_cached = table;

    public string Get(ReadOnlySpan<byte> name)
    {
        if (name.Length > MaxCachedLength)
        {
            return Encoding.ASCII.GetString(name);
        }

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
