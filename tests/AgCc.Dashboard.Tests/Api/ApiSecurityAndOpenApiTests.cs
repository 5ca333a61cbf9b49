using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AgCc.Dashboard.Tests.Api;

/// <summary>The API keeps the dashboard's sign-in rule (401, never a redirect, for scripts) and its OpenAPI document lists every endpoint.</summary>
[Trait("Category", "Unit")]
public sealed class ApiSecurityAndOpenApiTests
{
    [Fact]
    public async Task With_a_sign_in_the_api_needs_the_key_and_answers_401_not_a_redirect()
    {
        await using var host = await ApiHost.StartAsync(withApiKey: true);
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Address };

        var refused = await anonymous.GetAsync("/api/v1/cluster");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Null(refused.Headers.Location);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/openapi.json")).StatusCode);
        anonymous.DefaultRequestHeaders.Add("X-Api-Key", ApiHost.ApiKey + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/cluster")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/api/v1/cluster")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_every_api_endpoint()
    {
        await using var host = await ApiHost.StartAsync();
        var response = await host.Http.GetAsync("/api/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        // For a look with the npm checker by hand (HttpApiTests runs it against the real stack).
        if (Environment.GetEnvironmentVariable("AGCC_OPENAPI_OUT") is { Length: > 0 } copy) await File.WriteAllTextAsync(copy, text);
        var document = JsonDocument.Parse(text).RootElement;
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}")).ToHashSet();

        // Every endpoint mapped under /api/v1 (but the document itself), read from the routing table.
        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true && e.RoutePattern.RawText != "/api/v1/openapi.json")
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .ToHashSet();
        Assert.Equal(19, mapped.Count);
        Assert.Equal(mapped.Order(), documented.Order());
        // Problems and the run launch's body are described.
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("RunConfig", out _));
    }
}
