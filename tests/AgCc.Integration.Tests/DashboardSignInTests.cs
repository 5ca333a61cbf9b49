using System.Net;
using AgCc.Hosting.Security;
using AgCc.LocalStack;

namespace AgCc.Integration.Tests;

/// <summary>
/// The dashboard's safety rule with real processes: bound to a non-loopback address without a
/// sign-in it refuses to start and says why; with a sign-in configured, pages, the Orleans ops
/// dashboard and endpoints need the signed-in cookie or the API key, and /healthz stays open.
/// </summary>
[Trait("Category", Categories.Integration)]
public sealed class DashboardSignInTests : IDisposable
{
    private const string Password = "correct horse battery staple";
    private const string ApiKey = "0123456789abcdef0123456789abcdef-key";
    private readonly string home = Directory.CreateTempSubdirectory("agcc-signin-").FullName;

    [Fact]
    public async Task Bound_to_a_non_loopback_address_without_a_sign_in_the_dashboard_refuses_to_start()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        // It refuses before it listens: the port is never opened, so any port will do.
        var result = await ProcessRun.RunAsync(StackBinaries.DotnetHost, [StackBinaries.Load().Dashboard, "--urls", "http://0.0.0.0:5999"],
            new Dictionary<string, string> { ["AgCc__Dashboard__SignIn__User"] = "", ["AgCc__Dashboard__SignIn__ApiKey"] = "" }, cancellationToken: timeout.Token);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("http://0.0.0.0:5999, which is not a loopback address", result.Errors);
        Assert.Contains("AgCc:Dashboard:SignIn:User", result.Errors);
    }

    [Fact]
    public async Task With_a_sign_in_every_page_needs_the_cookie_or_the_api_key()
    {
        var cli = new Cli(home, new Dictionary<string, string>
        {
            ["AgCc__Dashboard__SignIn__User"] = "alice",
            ["AgCc__Dashboard__SignIn__PasswordHash"] = PasswordHashes.Hash(Password),
            ["AgCc__Dashboard__SignIn__ApiKey"] = ApiKey,
        });
        await using var up = await cli.StartAsync("running; press Ctrl-C", "up");
        var dashboard = new Uri((StackState.TryLoad(home) ?? throw new InvalidOperationException("no stack recorded")).DashboardUrl);
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = dashboard };

        var page = await anonymous.GetAsync("/cluster");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/ops/orleans/")).StatusCode);

        var wrong = await anonymous.PostAsync("/signin", Form("alice", "wrong password"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("signin-error", await wrong.Content.ReadAsStringAsync());

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = dashboard };
        var signedIn = await browser.PostAsync("/signin", Form("alice", Password, returnUrl: "/cluster"));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/cluster", signedIn.Headers.Location!.OriginalString);
        var cluster = await browser.GetAsync("/cluster");
        Assert.Equal(HttpStatusCode.OK, cluster.StatusCode);
        Assert.Contains("cpu-1", await cluster.Content.ReadAsStringAsync());

        using var script = new HttpClient { BaseAddress = dashboard };
        script.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/cluster")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/ops/orleans/")).StatusCode);
        using var badKey = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = dashboard };
        badKey.DefaultRequestHeaders.Add("X-Api-Key", ApiKey + "x");
        Assert.NotEqual(HttpStatusCode.OK, (await badKey.GetAsync("/cluster")).StatusCode);

        await up.InterruptAsync(TimeSpan.FromSeconds(150));
    }

    private static FormUrlEncodedContent Form(string user, string password, string returnUrl = "/") =>
        new(new Dictionary<string, string> { ["user"] = user, ["password"] = password, ["returnUrl"] = returnUrl });

    public void Dispose() => Directory.Delete(home, recursive: true);
}
