using System.Text;
using Voting.GraphQL.Language;

namespace Voting.GraphQL.Tests.Language;

/// <summary>Whatever bytes arrive, parsing ends in a document or a syntax error, never in another exception.</summary>
public sealed class RobustnessTests
{
    private static readonly byte[] Interesting = Encoding.UTF8.GetBytes("{}()[]:!$@&|=.,\"\\#\n\r\t -+eE019azAZ_'\uFEFFé😀 query fragment on ...\"\"\"");

    [Fact]
    public void A_hundred_thousand_random_and_mutated_inputs_end_in_a_document_or_a_syntax_error()
    {
        var random = new Random(20250901);
        byte[][] seeds =
        [
            Encoding.UTF8.GetBytes(ParserTests.KitchenSinkQuery),
            Encoding.UTF8.GetBytes(ParserTests.KitchenSinkSchema),
            .. LanguageCorpus.Written.Select(Encoding.UTF8.GetBytes),
        ];
        int documents = 0;
        for (int i = 0; i < 100_000; i++)
        {
            byte[] input = i % 4 == 0 ? RandomBytes(random) : Mutate(seeds[random.Next(seeds.Length)], random);
            try
            {
                var document = Parser.Parse(input);
                documents++;

                // What parses must print, and the printed text must parse again.
                Parser.Parse(Printer.Print(document));
            }
            catch (GraphQLSyntaxException)
            {
            }
            catch (Exception exception)
            {
                Assert.Fail($"Input #{i} {Convert.ToBase64String(input)} threw {exception}");
            }
        }

        Assert.True(documents > 1_000, $"only {documents} inputs parsed; the mutations are too destructive to test much");
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 64)];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = random.Next(3) == 0 ? (byte)random.Next(256) : Interesting[random.Next(Interesting.Length)];
        }

        return bytes;
    }

    /// <summary>Byte flips, insertions, deletions and truncation; multi-byte characters may be cut in half on purpose.</summary>
    private static byte[] Mutate(byte[] source, Random random)
    {
        var bytes = new List<byte>(source);
        int edits = random.Next(1, 4);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int position = random.Next(bytes.Count);
            byte value = random.Next(2) == 0 ? (byte)random.Next(256) : Interesting[random.Next(Interesting.Length)];
            switch (random.Next(5))
            {
                case 0:
                    bytes[position] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[position] = value;
                    break;
                case 2:
                    bytes.Insert(position, value);
                    break;
                case 3:
                    bytes.RemoveAt(position);
                    break;
                default:
                    bytes.RemoveRange(position, bytes.Count - position);
                    break;
            }
        }

        return [.. bytes];
    }
}
