// The floor for any .NET GraphQL server in the HTTP benchmark: Kestrel alone, answering POST /graphql
// with response bytes computed once at start-up, so that a request costs only what Kestrel costs:
// parsing HTTP, reading the body, writing the bytes. No routing, no logging, no GraphQL.
using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

var port = int.Parse(
    Environment.GetEnvironmentVariable("PORT") ?? throw new InvalidOperationException("Set PORT to the port to listen on."),
    CultureInfo.InvariantCulture);

// The same answers the GraphQL servers give for queries/hello.json and queries/election.json: data.json
// holds the election's fields in the order the query selects them.
var data = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data.json")))!;
var helloResponse = Respond("hello", data["hello"]!);
var electionResponse = Respond("election", data["elections"]![0]!);

var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = args });
builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, port));
var app = builder.Build();
app.Run(async context =>
{
    var request = context.Request;
    var response = context.Response;
    if (!HttpMethods.IsPost(request.Method) || request.Path != "/graphql")
    {
        response.StatusCode = StatusCodes.Status404NotFound;
        return;
    }

    var bytes = await AsksForElectionAsync(request.BodyReader) ? electionResponse : helloResponse;
    response.ContentType = "application/json; charset=utf-8";
    response.ContentLength = bytes.Length;
    await response.BodyWriter.WriteAsync(bytes);
});
Console.WriteLine($"bare Kestrel on http://127.0.0.1:{port}/graphql");
await app.RunAsync();

static byte[] Respond(string field, JsonNode value) =>
    Encoding.UTF8.GetBytes(new JsonObject { ["data"] = new JsonObject { [field] = value.DeepClone() } }.ToJsonString());

// Reads the whole body (a keep-alive connection needs it consumed) and tells the two benchmark queries
// apart by the one word only the election query holds.
static async Task<bool> AsksForElectionAsync(PipeReader reader)
{
    while (true)
    {
        var result = await reader.ReadAsync();
        if (result.IsCompleted)
        {
            var asks = Holds(result.Buffer, "election"u8);
            reader.AdvanceTo(result.Buffer.End);
            return asks;
        }

        reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
    }
}

static bool Holds(ReadOnlySequence<byte> body, ReadOnlySpan<byte> word) =>
    (body.IsSingleSegment ? body.FirstSpan : body.ToArray()).IndexOf(word) >= 0;
