namespace Voting.Benchmarks.Chat;

/// <summary>A server frame's header: whether it ends its message, its opcode, and its payload's length.</summary>
internal readonly record struct ServerFrame(bool Final, byte Opcode, int PayloadLength);
