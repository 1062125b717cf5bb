using Serilog;
using Voting.Application;
using Voting.Infrastructure;
using Voting.Infrastructure.Persistence;
using Voting.WebApi;

var builder = WebApplication.CreateBuilder(args);

Log.Logger = new LoggerConfiguration().ReadFrom.Configuration(builder.Configuration).CreateLogger();
builder.Logging.ClearProviders();
builder.Logging.AddSerilog(Log.Logger, dispose: true);

// No logging scopes: nothing of ours opens one, the console template prints none, and Kestrel's per-connection
// scope would otherwise stay on every open WebSocket for its whole life (ADR 0026).
builder.Services.Configure<LoggerFilterOptions>(options => options.CaptureScopes = false);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddWebApi(builder.Configuration);

var app = builder.Build();

// With migrations off the database may be unreachable at start; the host still runs and reports
// itself not ready, so the demo seed runs only together with the migrations.
if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
{
    await app.Services.MigrateDatabaseAsync();
    await Voting.WebApi.Identity.InitialAdmin.EnsureInitialAdminAsync(app.Services, app.Configuration);
    if (app.Environment.IsDevelopment())
    {
        await Voting.WebApi.Seeding.DemoSeeder.SeedDemoAsync(app.Services);
    }
}

app.UseWebApi();
await app.RunAsync();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
