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
        context.Services.AddSingleton(new AgCcClient(new LaunchPageRenderTests.LaunchCluster("msp-improv", "crema-d").Client));

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

    [Theory]
    [InlineData("field-max-iterations", "gestures.maxIterations", "0", "must be at least 1 (got 0)", "7", "\"maxIterations\": 7")]
    [InlineData("field-max-iterations-barycenter", "gestures.maxIterationsBarycenter", "0", "must be at least 1 (got 0)", "9", "\"maxIterationsBarycenter\": 9")]
    [InlineData("field-model-width", "model.width", "0", "must be at least 1 (got 0)", "64", "\"width\": 64")]
    [InlineData("field-model-layers", "model.layers", "0", "must be at least 1 (got 0)", "3", "\"layers\": 3")]
    [InlineData("field-model-heads", "model.heads", "3", "width 256 must divide by heads (got 3)", "8", "\"heads\": 8")]
    [InlineData("field-model-feed-forward", "model.feedForward", "0", "must be at least 1 (got 0)", "512", "\"feedForward\": 512")]
    public async Task The_model_and_iteration_fields_show_the_records_problem_beside_them_and_reach_the_preview_and_command(
        string field, string path, string bad, string problem, string good, string json)
    {
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton(new AgCcClient(new LaunchPageRenderTests.LaunchCluster("msp-improv", "crema-d").Client));
        var page = context.Render<Components.Pages.Launch>();
        page.WaitForState(() => page.FindAll("[data-testid=launch-form]").Count == 1);

        Type(page, bad, field);

        var shown = page.WaitForElement("[data-testid=field-problem]");
        Assert.Equal($"{path}: {problem}", shown.TextContent.Trim());
        Assert.True(page.Find("button[data-testid=launch]").HasAttribute("disabled"));
        Assert.Empty(page.FindAll("[data-testid=problems]")); // beside its field, not in the alert

        Type(page, good, field);

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=field-problem]")));
        Assert.Contains(json, page.Find("[data-testid=preview]").TextContent);
        Assert.Contains(json, page.Find("[data-testid=cli-command]").TextContent);
    }

    /// <summary>Types into a numeric field (the epochs' unless named) and leaves it, as a user does (MudNumericField commits on blur).</summary>
    private static void Type(IRenderedComponent<Components.Pages.Launch> page, string value, string field = "field-epochs")
    {
        page.Find($"input[data-testid={field}]").Input(value);
        page.Find($"input[data-testid={field}]").Blur();
    }
}
