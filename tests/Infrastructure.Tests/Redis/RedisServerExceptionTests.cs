using Voting.Infrastructure.Redis;

namespace Voting.Infrastructure.Tests.Redis;

public sealed class RedisServerExceptionTests
{
    [Theory]
    [InlineData("ERR unknown command 'FOO'", typeof(RedisServerException), "ERR")]
    [InlineData("WRONGTYPE Operation against a key holding the wrong kind of value", typeof(RedisWrongTypeException), "WRONGTYPE")]
    [InlineData("NOSCRIPT No matching script.", typeof(RedisNoScriptException), "NOSCRIPT")]
    [InlineData("BUSY Redis is busy running a script.", typeof(RedisBusyException), "BUSY")]
    [InlineData("BUSYGROUP Consumer Group name already exists", typeof(RedisServerException), "BUSYGROUP")]
    [InlineData("NOAUTH Authentication required.", typeof(RedisAuthenticationException), "NOAUTH")]
    [InlineData("WRONGPASS invalid username-password pair or user is disabled.", typeof(RedisAuthenticationException), "WRONGPASS")]
    [InlineData("LOADING Redis is loading the dataset in memory", typeof(RedisLoadingException), "LOADING")]
    [InlineData("READONLY You can't write against a read only replica.", typeof(RedisReadOnlyException), "READONLY")]
    [InlineData("MOVED 3999 127.0.0.1:6381", typeof(RedisServerException), "MOVED")]
    [InlineData("CUSTOM", typeof(RedisServerException), "CUSTOM")]
    public void Error_reply_becomes_its_typed_exception(string reply, Type type, string prefix)
    {
        var exception = RedisServerException.FromReply(reply);
        Assert.IsType(type, exception);
        Assert.Equal(prefix, exception.Prefix);
        Assert.StartsWith(reply, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_is_retryable_and_a_plain_error_is_not()
    {
        Assert.True(RedisServerException.FromReply("LOADING Redis is loading").IsRetryable);
        Assert.False(RedisServerException.FromReply("ERR syntax error").IsRetryable);
    }

    [Fact]
    public void Cluster_redirect_says_it_is_not_followed() =>
        Assert.Contains("single node", RedisServerException.FromReply("ASK 3999 127.0.0.1:6381").Message, StringComparison.Ordinal);
}
