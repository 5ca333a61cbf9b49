using System.Net.Http.Headers;
using AgCc.Client;
using AgCc.Dashboard.Api;
using AgCc.Dashboard.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgCc.Dashboard.Tests.Api;

/// <summary>
/// The API on a real Kestrel web host in this process (loopback, a free port), wired as Program.cs
/// wires it (the dashboard's security, AddAgCcApi, MapAgCcApi) over an <see cref="ApiFakeCluster"/>.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string ApiKey = "0123456789abcdef0123456789abcdef-test";

    private readonly WebApplication app;

    private ApiHost(WebApplication app, ApiFakeCluster cluster, HttpClient http) => (this.app, Cluster, Http) = (app, cluster, http);

    public ApiFakeCluster Cluster { get; }

    /// <summary>A client of the API (with the API key when one is configured).</summary>
    public HttpClient Http { get; }

    public Uri Address => Http.BaseAddress!;

    public IServiceProvider Services => app.Services;

    public static async Task<ApiHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, bool withApiKey = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var configuration = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (withApiKey) configuration[$"{SignInOptions.Section}:ApiKey"] = ApiKey;
        builder.Configuration.AddInMemoryCollection(configuration);
        var signIn = builder.AddDashboardSecurity();
        var cluster = new ApiFakeCluster();
        builder.Services.AddSingleton(cluster.Client);
        builder.Services.AddSingleton(new AgCcClient(cluster.Client));
        builder.Services.AddAgCcApi();
        var app = builder.Build();
        app.UseDashboardSecurity(signIn);
        app.MapAgCcApi();
        await app.StartAsync();
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
        if (withApiKey) http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, ApiKey);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return new ApiHost(app, cluster, http);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
