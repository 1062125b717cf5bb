using Voting.Infrastructure.Redis;

namespace Voting.Infrastructure.Tests.Redis;

public sealed class RedisOptionsTests
{
    [Fact]
    public void Full_configuration_string_is_parsed()
    {
        var options = RedisOptions.Parse(
            "cache.internal:6380,password=s3cret=x,user=voting,ssl=true,sslHost=redis.example.com,defaultDatabase=2,connectTimeout=1500,syncTimeout=2500,name=voting-api,protocol=resp2,abortConnect=false,reconnectMinDelay=20,reconnectMaxDelay=4000,keepAlive=15,subscriptionBuffer=64");

        Assert.Equal("cache.internal", options.Host);
        Assert.Equal(6380, options.Port);
        Assert.Equal("s3cret=x", options.Password);
        Assert.Equal("voting", options.User);
        Assert.True(options.Ssl);
        Assert.Equal("redis.example.com", options.SslHost);
        Assert.Equal(2, options.DefaultDatabase);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), options.CommandTimeout);
        Assert.Equal("voting-api", options.ClientName);
        Assert.Equal(RedisProtocol.Resp2, options.Protocol);
        Assert.False(options.AbortOnConnectFail);
        Assert.Equal(TimeSpan.FromMilliseconds(20), options.ReconnectMinDelay);
        Assert.Equal(TimeSpan.FromSeconds(4), options.ReconnectMaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(15), options.KeepAlive);
        Assert.Equal(64, options.SubscriptionBufferCapacity);
    }

    [Fact]
    public void Host_alone_gets_the_defaults()
    {
        var options = RedisOptions.Parse("localhost");
        Assert.Equal(("localhost", 6379), (options.Host, options.Port));
        Assert.Equal(RedisProtocol.Resp3, options.Protocol);
        Assert.True(options.AbortOnConnectFail);
        Assert.Null(options.Password);
    }

    [Fact]
    public void Keys_are_case_insensitive_and_spaces_ignored() =>
        Assert.Equal(5, RedisOptions.Parse(" 127.0.0.1:1 , DEFAULTDATABASE = 5 ,").DefaultDatabase);

    [Fact]
    public void Ipv6_endpoint_in_brackets_is_parsed()
    {
        var options = RedisOptions.Parse("[::1]:7000");
        Assert.Equal(("::1", 7000), (options.Host, options.Port));
    }

    [Fact]
    public void Async_timeout_is_the_command_timeout_too() =>
        Assert.Equal(TimeSpan.FromSeconds(7), RedisOptions.Parse("h,asyncTimeout=7000").CommandTimeout);

    [Theory]
    [InlineData("", "no host:port")]
    [InlineData("password=x", "no host:port")]
    [InlineData("a:1,b:2", "single node")]
    [InlineData("h:0", "not a port")]
    [InlineData("h:port", "not a port")]
    [InlineData("::1:6379", "[address]:port")]
    [InlineData("[::1", "never closes")]
    [InlineData("h,ssl=yes", "ssl='yes' is not true or false")]
    [InlineData("h,defaultDatabase=-1", "defaultDatabase='-1'")]
    [InlineData("h,connectTimeout=0", "connectTimeout='0'")]
    [InlineData("h,syncTimeout=soon", "syncTimeout='soon'")]
    [InlineData("h,protocol=resp4", "protocol 'resp4'")]
    [InlineData("h,name=a b", "has a space")]
    [InlineData("h,user=", "user is empty")]
    [InlineData("h,allowAdmin=true", "unknown option 'allowAdmin'")]
    [InlineData("h,keepAlive=-5", "keepAlive='-5'")]
    [InlineData("h,reconnectMinDelay=500,reconnectMaxDelay=100", "reconnectMinDelay is longer")]
    public void Bad_configuration_is_refused_with_its_reason(string configuration, string reason)
    {
        var error = Assert.Throws<FormatException>(() => RedisOptions.Parse(configuration));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Printed_options_mask_the_password()
    {
        var text = RedisOptions.Parse("h:1,password=hunter2,user=u").ToString();
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.Contains("password=*****", text, StringComparison.Ordinal);
        Assert.Equal("hunter2", RedisOptions.Parse(text.Replace("*****", "hunter2", StringComparison.Ordinal)).Password);
    }
}
