using Microsoft.JSInterop;

namespace AgCc.Dashboard.Tests;

/// <summary>The JS runtime of a prerender (HtmlRenderer): a page that calls into JS while prerendering is a bug the test should see.</summary>
internal sealed class NoJsRuntime : IJSRuntime
{
    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => throw new InvalidOperationException("no JS while prerendering");

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
        throw new InvalidOperationException("no JS while prerendering");
}
