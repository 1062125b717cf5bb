using System.Buffers;
using System.Numerics;
using System.Text;
using Voting.Infrastructure.Redis;

namespace Voting.Infrastructure.Tests.Redis;

public sealed class RespParserTests
{
    [Fact]
    public void Simple_string_is_read() =>
        Assert.Equal("hello world", Parse("+hello world\r\n").AsString());

    [Fact]
    public void Error_keeps_its_message()
    {
        var reply = Parse("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        Assert.True(reply.IsError);
        Assert.Equal("WRONGTYPE Operation against a key holding the wrong kind of value", reply.ErrorMessage);
    }

    [Fact]
    public void Blob_error_is_an_error() =>
        Assert.Equal("SYNTAX invalid", Parse("!14\r\nSYNTAX invalid\r\n").ErrorMessage);

    [Theory]
    [InlineData(":0\r\n", 0L)]
    [InlineData(":-42\r\n", -42L)]
    [InlineData(":9223372036854775807\r\n", long.MaxValue)]
    public void Integer_is_read(string wire, long expected) =>
        Assert.Equal(expected, Parse(wire).AsInt64());

    [Fact]
    public void Bulk_string_keeps_binary_bytes()
    {
        var reply = Parse("$5\r\na\r\nb\0\r\n");
        Assert.Equal(RedisReplyType.BulkString, reply.Type);
        Assert.Equal("a\r\nb\0"u8.ToArray(), reply.AsValue().ToArray());
    }

    [Fact]
    public void Empty_bulk_string_is_not_null()
    {
        var reply = Parse("$0\r\n\r\n");
        Assert.False(reply.IsNull);
        Assert.Equal(string.Empty, reply.AsString());
    }

    [Theory]
    [InlineData("$-1\r\n")]
    [InlineData("*-1\r\n")]
    [InlineData("_\r\n")]
    public void Nulls_of_both_protocols_are_null(string wire)
    {
        var reply = Parse(wire);
        Assert.True(reply.IsNull);
        Assert.True(reply.AsValue().IsNull);
    }

    [Fact]
    public void Nested_array_is_read()
    {
        var reply = Parse("*3\r\n:1\r\n*2\r\n+a\r\n$1\r\nb\r\n$-1\r\n");
        Assert.Equal(RedisReplyType.Array, reply.Type);
        Assert.Equal(3, reply.Count);
        Assert.Equal(1, reply[0].AsInt64());
        Assert.Equal("a", reply[1][0].AsString());
        Assert.Equal("b", reply[1][1].AsString());
        Assert.True(reply[2].IsNull);
    }

    [Fact]
    public void Empty_array_is_read() => Assert.Equal(0, Parse("*0\r\n").Count);

    [Fact]
    public void Map_alternates_keys_and_values()
    {
        var reply = Parse("%2\r\n+first\r\n:1\r\n+second\r\n$3\r\ntwo\r\n");
        Assert.Equal(RedisReplyType.Map, reply.Type);
        Assert.Equal(["first", "1", "second", "two"], reply.Elements.ToArray().Select(e => e.AsString()));
    }

    [Fact]
    public void Set_is_read()
    {
        var reply = Parse("~2\r\n+a\r\n+b\r\n");
        Assert.Equal(RedisReplyType.Set, reply.Type);
        Assert.Equal(2, reply.Count);
    }

    [Theory]
    [InlineData(",1.5\r\n", 1.5)]
    [InlineData(",-0.25\r\n", -0.25)]
    [InlineData(",10\r\n", 10.0)]
    [InlineData(",1.5e3\r\n", 1500.0)]
    [InlineData(",inf\r\n", double.PositiveInfinity)]
    [InlineData(",-inf\r\n", double.NegativeInfinity)]
    public void Double_is_read(string wire, double expected)
    {
        var reply = Parse(wire);
        Assert.Equal(RedisReplyType.Double, reply.Type);
        Assert.Equal(expected, reply.AsDouble());
    }

    [Fact]
    public void Double_nan_is_read() => Assert.True(double.IsNaN(Parse(",nan\r\n").AsDouble()));

    [Theory]
    [InlineData("#t\r\n", true)]
    [InlineData("#f\r\n", false)]
    public void Boolean_is_read(string wire, bool expected) => Assert.Equal(expected, Parse(wire).AsBoolean());

    [Fact]
    public void Big_number_keeps_every_digit()
    {
        var reply = Parse("(3492890328409238509324850943850943825024385\r\n");
        Assert.Equal(RedisReplyType.BigNumber, reply.Type);
        Assert.Equal(BigInteger.Parse("3492890328409238509324850943850943825024385", System.Globalization.CultureInfo.InvariantCulture), reply.AsBigInteger());
    }

    [Fact]
    public void Verbatim_string_drops_its_format_prefix()
    {
        var reply = Parse("=15\r\ntxt:Some string\r\n");
        Assert.Equal(RedisReplyType.VerbatimString, reply.Type);
        Assert.Equal("txt", reply.VerbatimFormat);
        Assert.Equal("Some string", reply.AsString());
    }

    [Fact]
    public void Push_is_read()
    {
        var reply = Parse(">3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n");
        Assert.Equal(RedisReplyType.Push, reply.Type);
        Assert.Equal("hi", reply[2].AsString());
    }

    [Fact]
    public void Attribute_is_skipped_and_the_reply_after_it_returned()
    {
        var reply = Parse("|1\r\n+key-popularity\r\n%1\r\n$1\r\na\r\n,0.19\r\n*2\r\n:2039123\r\n:9543892\r\n");
        Assert.Equal(RedisReplyType.Array, reply.Type);
        Assert.Equal(9543892, reply[1].AsInt64());
    }

    [Fact]
    public void Attribute_inside_an_aggregate_is_skipped()
    {
        var reply = Parse("*2\r\n|1\r\n+ttl\r\n:3600\r\n:1\r\n:2\r\n");
        Assert.Equal([1L, 2L], reply.Elements.ToArray().Select(e => e.AsInt64()));
    }

    [Fact]
    public void Several_replies_in_one_buffer_are_read_in_order()
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(":1\r\n+OK\r\n$2\r\nhi\r\n:"));
        Assert.True(RespParser.TryRead(ref buffer, out var first));
        Assert.True(RespParser.TryRead(ref buffer, out var second));
        Assert.True(RespParser.TryRead(ref buffer, out var third));
        Assert.False(RespParser.TryRead(ref buffer, out _));
        Assert.Equal(1, first.AsInt64());
        Assert.Equal("OK", second.AsString());
        Assert.Equal("hi", third.AsString());
        Assert.Equal(1, buffer.Length);
    }

    public static TheoryData<string> EveryType =>
    [
        "+OK\r\n",
        "-ERR unknown command 'FOO'\r\n",
        ":12345\r\n",
        "$12\r\nhello\r\nworld\r\n",
        "$-1\r\n",
        "*-1\r\n",
        "*3\r\n:1\r\n$3\r\nabc\r\n*1\r\n+x\r\n",
        "%2\r\n+a\r\n:1\r\n+b\r\n#t\r\n",
        "~2\r\n+a\r\n+b\r\n",
        ",3.14159\r\n",
        "#f\r\n",
        "(12345678901234567890123\r\n",
        "=8\r\nmkd:# Hi\r\n",
        ">3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n",
        "_\r\n",
        "!5\r\nERR x\r\n",
        "|1\r\n+a\r\n+b\r\n:7\r\n",
    ];

    /// <summary>Bytes arriving one at a time: every proper prefix is incomplete (and consumes nothing), the whole reads.</summary>
    [Theory]
    [MemberData(nameof(EveryType))]
    public void Reply_arriving_one_byte_at_a_time_is_read_only_when_complete(string wire)
    {
        var bytes = Encoding.ASCII.GetBytes(wire);
        var expected = Parse(wire).ToString();
        for (var length = 0; length < bytes.Length; length++)
        {
            var partial = OneByteSegments(bytes.AsSpan(0, length).ToArray());
            var before = partial;
            Assert.False(RespParser.TryRead(ref partial, out _), $"a reply was read from the first {length} bytes of {wire}");
            Assert.Equal(before.Length, partial.Length);
        }

        var whole = OneByteSegments(bytes);
        Assert.True(RespParser.TryRead(ref whole, out var reply));
        Assert.Equal(expected, reply.ToString());
        Assert.Equal(0, whole.Length);
    }

    [Theory]
    [InlineData("?\r\n")]
    [InlineData(":12a\r\n")]
    [InlineData("$3\r\nabcXY")]
    [InlineData("#x\r\n")]
    [InlineData(",abc\r\n")]
    [InlineData("(12x\r\n")]
    [InlineData("$-2\r\n")]
    [InlineData("+OK\rX")]
    public void Malformed_input_is_a_protocol_error(string wire)
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(wire));
        Assert.Throws<RedisProtocolException>(() => RespParser.TryRead(ref buffer, out _));
    }

    private static RedisReply Parse(string wire)
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(wire));
        Assert.True(RespParser.TryRead(ref buffer, out var reply));
        Assert.Equal(0, buffer.Length);
        return reply;
    }

    private static ReadOnlySequence<byte> OneByteSegments(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new Segment(bytes.AsMemory(0, 1), 0);
        var last = first;
        for (var i = 1; i < bytes.Length; i++)
        {
            last = last.Append(bytes.AsMemory(i, 1));
        }

        return new ReadOnlySequence<byte>(first, 0, last, 1);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
