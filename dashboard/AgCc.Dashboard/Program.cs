using AgCc.Client;
using AgCc.Dashboard.Components;
using AgCc.Dashboard.Media;
using AgCc.Dashboard.Security;
using AgCc.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using MudBlazor.Services;
using Orleans.Dashboard;

var builder = WebApplication.CreateBuilder(args);
// MudBlazor's CSS/JS come from static web assets, which ASP.NET maps only in Development unless
// asked: without this the build output serves 500s in Production (docs/dashboard.md).
builder.WebHost.UseStaticWebAssets();

builder.AddAgCcClient(client => client.AddDashboard());
builder.Services.AddMudServices();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddHealthChecks();

var app = builder.Build();
if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseAntiforgery();
app.MapStaticAssets();
app.MapHealthChecks("/healthz");
app.MapCorpusMedia();
app.MapOrleansDashboard("/ops/orleans").AddEndpointFilter<LoopbackOnlyFilter>();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

ProcessReadiness.AnnounceWhenStarted(app, services =>
{
    var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
    return $"dashboard {addresses.First()}";
});
await app.RunAsync();
