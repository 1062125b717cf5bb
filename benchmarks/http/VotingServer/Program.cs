using Voting.Benchmarks.Http.VotingServer;
using Voting.GraphQL.Server;

var port = int.Parse(Environment.GetEnvironmentVariable("PORT") ?? "5080", System.Globalization.CultureInfo.InvariantCulture);
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
builder.Services.AddGraphQLServer().AddQueryType<Query>();

var app = builder.Build();
app.MapGraphQL("/graphql");
await app.RunAsync();
