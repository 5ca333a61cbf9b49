using AgCc.Dashboard.Compare;
using AgCc.Dashboard.Components.Runs;
using AgCc.Dashboard.Runs;
using Bunit;

namespace AgCc.Dashboard.Tests;

/// <summary>The compare charts' legends: short labels that still tell the runs apart, the full id on hover.</summary>
[Trait("Category", "Unit")]
public sealed class CompareLegendTests
{
    [Fact]
    public void A_label_keeps_what_tells_the_ids_apart()
    {
        var labels = LegendLabels.Of(["ag-cc-4class-crema-d-to-msp-improv-s3", "baseline-4class-crema-d-to-msp-improv-s3", "ag-cc-4class-crema-d-to-msp-improv-s4"]);
        // Nothing shared at the start (ag, baseline) nor at the end (s3, s4): the ids, cut.
        Assert.Equal("ag-cc-4class-crema-d-to…", labels["ag-cc-4class-crema-d-to-msp-improv-s3"]);
        Assert.Equal("baseline-4class-crema-d…", labels["baseline-4class-crema-d-to-msp-improv-s3"]);

        var seeds = LegendLabels.Of(["ag-cc-4class-crema-d-to-msp-improv-s3", "ag-cc-4class-crema-d-to-msp-improv-s4"]);
        Assert.Equal(["s3", "s4"], seeds.Values);

        var methods = LegendLabels.Of(["ag-cc-4class-a-to-b-s1", "pa-cc-4class-a-to-b-s1"]);
        Assert.Equal(["ag", "pa"], methods.Values);
    }

    [Fact]
    public void Ids_that_are_all_shared_parts_and_single_ids_keep_themselves_cut_to_the_maximum()
    {
        Assert.Equal(["a", "a-b"], LegendLabels.Of(["a", "a-b"]).Values);
        Assert.Equal(["short"], LegendLabels.Of(["short"]).Values);
        var single = LegendLabels.Of([new string('x', 40)]).Values.Single();
        Assert.Equal(LegendLabels.MaxLength, single.Length);
        Assert.EndsWith("…", single);
    }

    [Fact]
    public async Task The_legend_shows_the_label_and_the_full_id_on_hover()
    {
        await using var context = new BunitContext();
        var id = "ag-cc-4class-crema-d-to-msp-improv-s3";
        IReadOnlyList<RunSeries> series = [new RunSeries(id, "#1b9e77", [(1, 0.5), (2, 0.4)]), new RunSeries("x", "#d95f02", [(1, 0.6)])];

        var cut = context.Render<RunCurveChart>(p => p
            .Add(x => x.Title, "Loss")
            .Add(x => x.Series, series)
            .Add(x => x.LegendLabel, (Func<string, string>)(name => name == id ? "s3" : name))
            .Add(x => x.MaxHeight, 420));

        var item = cut.Find($"[data-testid=legend-item][data-series=\"{id}\"]");
        Assert.Equal("s3", item.TextContent.Trim());
        Assert.Equal(id, item.GetAttribute("title"));
        Assert.Contains("max-height: 420px", cut.Find("svg").GetAttribute("style"));
    }
}
