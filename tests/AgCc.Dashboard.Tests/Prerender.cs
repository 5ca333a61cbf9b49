using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using MudBlazor.Services;

namespace AgCc.Dashboard.Tests;

/// <summary>
/// Renders a page or component as the server's prerender does (the HTML a plain GET returns):
/// MudBlazor's services, no JS, the browser at <c>path</c>, plus the services a test adds (a
/// stand-in cluster behind the client).
/// </summary>
internal static class Prerender
{
    public static async Task<string> HtmlAsync<TComponent>(string path, Action<IServiceCollection>? services = null, IDictionary<string, object?>? parameters = null)
        where TComponent : IComponent
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddMudServices();
        collection.AddSingleton<IJSRuntime, NoJsRuntime>();
        collection.AddSingleton<NavigationManager>(new StaticNavigationManager(path));
        services?.Invoke(collection);
        await using var provider = collection.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters ?? new Dictionary<string, object?>()))).ToHtmlString());
    }
}

/// <summary>A prerender's navigation manager: the page's address, and navigation does nothing.</summary>
internal sealed class StaticNavigationManager : NavigationManager
{
    public StaticNavigationManager(string path) => Initialize("http://localhost/", "http://localhost" + path);

    protected override void NavigateToCore(string uri, NavigationOptions options)
    {
    }
}
