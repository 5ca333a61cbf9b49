using AgCc.Artifacts;
using AgCc.Client;
using AgCc.Dashboard.Api;
using AgCc.Dashboard.Components;
using AgCc.Dashboard.Experiments;
using AgCc.Dashboard.Media;
using AgCc.Dashboard.Runs;
using AgCc.Dashboard.Security;
using AgCc.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using Orleans.Dashboard;

var builder = WebApplication.CreateBuilder(args);
// MudBlazor's CSS/JS come from static web assets, which ASP.NET maps only in Development unless
// asked: without this the build output serves 500s in Production (docs/dashboard.md).
builder.WebHost.UseStaticWebAssets();

// Loopback only, unless a sign-in is configured (refuses to start otherwise: docs/dashboard.md).
var signIn = builder.AddDashboardSecurity();
builder.AddAgCcClient(client => client.AddDashboard());
builder.Services.AddMudServices();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddHealthChecks();
// The HTTP API under /api/v1 (docs/http-api.md): same client, same sign-in rule.
builder.Services.AddAgCcApi();
// Run statuses pushed from the TrainingRun grains to the pages showing them (one observer per run).
builder.Services.AddSingleton<AgCc.Dashboard.Live.RunUpdates>();
// The same for the experiments (their pages) and the run index (the Runs list).
builder.Services.AddSingleton<AgCc.Dashboard.Live.ExperimentUpdates>();
builder.Services.AddSingleton<AgCc.Dashboard.Live.RunIndexUpdates>();
// Runs' checkpoints and best models for download, from the container the silos write them to.
builder.Services.TryAddSingleton<IArtifactStore>(services =>
    new BlobArtifactStore(StorageClients.Blobs(services.GetRequiredService<AgCcSettings>().StorageConnectionString)));

var app = builder.Build();
if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseDashboardSecurity(signIn);
app.UseAntiforgery();
app.MapStaticAssets();
app.MapHealthChecks("/healthz").AllowAnonymous();
app.MapCorpusMedia();
app.MapExperimentExports();
app.MapRunArtifacts();
app.MapAgCcApi();
var ops = app.MapOrleansDashboard("/ops/orleans");
if (!signIn.IsConfigured) ops.AddEndpointFilter<LoopbackOnlyFilter>(); // it has no authentication of its own
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

ProcessReadiness.AnnounceWhenStarted(app, services =>
{
    var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
    return $"dashboard {addresses.First()}";
});
await app.RunAsync();
