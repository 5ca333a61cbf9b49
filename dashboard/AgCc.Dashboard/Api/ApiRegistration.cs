using AgCc.Client.Api;
using AgCc.Dashboard.Live;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgCc.Dashboard.Api;

/// <summary>Where the API lives (docs/http-api.md).</summary>
public static class ApiRoutes
{
    public const string Prefix = "/api/v1";

    public const string OpenApi = Prefix + "/openapi.json";

    public static string Run(string id) => $"{Prefix}/runs/{Uri.EscapeDataString(id)}";

    public static string Experiment(string name) => $"{Prefix}/experiments/{Uri.EscapeDataString(name)}";
}

/// <summary>
/// The HTTP API on the dashboard's web host: same process, same Orleans client, same sign-in rule
/// (the fallback policy covers /api/v1; scripts send the API key), but a 401, not a redirect to
/// the sign-in page, for a request that is not signed in.
/// </summary>
public static class ApiRegistration
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddAgCcApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.TryAddSingleton<RunUpdates>();
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith(ApiRoutes.Prefix[1..] + "/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new() { Title = "AgCc.Orleans HTTP API", Version = "v1", Description = "Corpora, gesture clusterings, training runs, experiments and the cluster (docs/http-api.md)." };
                return Task.CompletedTask;
            });
        });
        // The cookie scheme sends an anonymous browser to /signin; a script calling the API gets 401 (403 when refused).
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, options =>
        {
            var (login, denied) = (options.Events.OnRedirectToLogin, options.Events.OnRedirectToAccessDenied);
            options.Events.OnRedirectToLogin = context => IsApi(context.Request) ? Status(context.Response, StatusCodes.Status401Unauthorized) : login(context);
            options.Events.OnRedirectToAccessDenied = context => IsApi(context.Request) ? Status(context.Response, StatusCodes.Status403Forbidden) : denied(context);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapAgCcApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ApiRoutes.Prefix);
        api.MapCorporaApi();
        api.MapGesturesApi();
        api.MapRunsApi();
        api.MapExperimentsApi();
        api.MapClusterApi();
        api.MapDemoApi();
        endpoints.MapOpenApi(ApiRoutes.OpenApi);
        return endpoints;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments(ApiRoutes.Prefix, StringComparison.Ordinal);

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
