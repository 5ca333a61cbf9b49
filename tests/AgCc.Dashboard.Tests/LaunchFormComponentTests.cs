using AgCc.Client;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AgCc.Dashboard.Tests;

/// <summary>
/// The Launch form as a user edits it (bUnit: rendered interactively, inputs changed, markup read
/// back): a bad value shows its problem beside its field and disables Launch; putting it right
/// clears both, and the preview follows every change.
/// </summary>
[Trait("Category", "Unit")]
public sealed class LaunchFormComponentTests
{
    [Fact]
    public async Task A_bad_value_shows_its_problem_beside_its_field_and_disables_launch_until_it_is_put_right()
    {
        // Disposed asynchronously: MudBlazor registers services that are IAsyncDisposable only.
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton(new AgCcClient(new LaunchPageRenderTests.FakeCluster("msp-improv", "crema-d").Client));

        var page = context.Render<Components.Pages.Launch>();
        page.WaitForState(() => page.FindAll("[data-testid=launch-form]").Count == 1);
        Assert.Empty(page.FindAll("[data-testid=field-problem]"));
        Assert.False(page.Find("button[data-testid=launch]").HasAttribute("disabled"));

        Type(page, "0");

        var problem = page.WaitForElement("[data-testid=field-problem]");
        Assert.Contains("must be at least 1 (got 0)", problem.TextContent);
        Assert.True(page.Find("button[data-testid=launch]").HasAttribute("disabled"));
        Assert.Contains("\"epochs\": 0", page.Find("[data-testid=preview]").TextContent);

        Type(page, "3");

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=field-problem]")));
        Assert.False(page.Find("button[data-testid=launch]").HasAttribute("disabled"));
        Assert.Contains("\"epochs\": 3", page.Find("[data-testid=preview]").TextContent);
    }

    /// <summary>Types into the epochs field and leaves it, as a user does (MudNumericField commits on blur).</summary>
    private static void Type(IRenderedComponent<Components.Pages.Launch> page, string value)
    {
        page.Find("input[data-testid=field-epochs]").Input(value);
        page.Find("input[data-testid=field-epochs]").Blur();
    }
}
