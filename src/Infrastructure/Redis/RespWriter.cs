using System.Buffers;

namespace Voting.Infrastructure.Redis;

/// <summary>Encodes a command as a RESP array of bulk strings straight into the connection's outbound pipe.</summary>
internal static class RespWriter
{
    public static void WriteCommand(IBufferWriter<byte> writer, RespCommand command, ReadOnlySpan<RedisValue> arguments)
    {
        WriteHeader(writer, (byte)'*', arguments.Length + 1);
        writer.Write(command.Encoded);
        foreach (var argument in arguments)
        {
            WriteBulk(writer, argument);
        }
    }

    /// <summary>A command whose name is only known at run time (<see cref="RedisClient.ExecuteAsync(string, RedisValue[])"/>).</summary>
    public static void WriteCommand(IBufferWriter<byte> writer, ReadOnlySpan<RedisValue> nameAndArguments)
    {
        WriteHeader(writer, (byte)'*', nameAndArguments.Length);
        foreach (var argument in nameAndArguments)
        {
            WriteBulk(writer, argument);
        }
    }

    private static void WriteBulk(IBufferWriter<byte> writer, RedisValue value)
    {
        var length = value.ByteCount;
        WriteHeader(writer, (byte)'$', length);
        var span = writer.GetSpan(length + 2);
        var written = value.WriteTo(span);
        span[written] = (byte)'\r';
        span[written + 1] = (byte)'\n';
        writer.Advance(written + 2);
    }

    private static void WriteHeader(IBufferWriter<byte> writer, byte marker, int length)
    {
        var span = writer.GetSpan(16);
        span[0] = marker;
        var digits = RespText.FormatInt64(length, span[1..]);
        span[digits + 1] = (byte)'\r';
        span[digits + 2] = (byte)'\n';
        writer.Advance(digits + 3);
    }
}
