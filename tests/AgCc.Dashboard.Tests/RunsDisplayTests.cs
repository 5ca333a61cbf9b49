using AgCc.Dashboard.Gestures;
using AgCc.Dashboard.Runs;
using AgCc.Grains.Training;
using Microsoft.AspNetCore.Http;
using AgCc.Artifacts;

namespace AgCc.Dashboard.Tests;

/// <summary>The Runs pages' pure helpers: curve layout and thinning, the confusion heat map, grid queries, texts, and the blob endpoints.</summary>
[Trait("Category", "Unit")]
public class RunsDisplayTests
{
    private static EpochMetricsRecord Epoch(int epoch, double loss, double dev, double? target = null) =>
        new(epoch, 10, loss, loss, 0, 0, 0, dev, target, target, target, 1.5);

    [Fact]
    public void Downsampling_keeps_at_most_200_points_with_the_first_and_last()
    {
        var items = Enumerable.Range(1, 1000).ToArray();
        var kept = RunCurves.Downsample(items);
        Assert.Equal(RunCurves.MaxPoints, kept.Count);
        Assert.Equal((1, 1000), (kept[0], kept[^1]));
        Assert.True(kept.Zip(kept.Skip(1)).All(p => p.First < p.Second), "in order, no repeats");
        Assert.Same(items, RunCurves.Downsample(items, 1000));
        Assert.Equal([1, 501, 1000], RunCurves.Downsample(items, 3));
    }

    [Fact]
    public void A_long_run_is_drawn_with_at_most_200_points_a_series_across_the_plot()
    {
        var history = Enumerable.Range(1, 700).Select(e => Epoch(e, 2.0 / e, 0.25 + e / 2000.0, e % 2 == 0 ? 0.3 : null)).ToArray();
        var chart = RunCurves.Layout(RunCurves.Uar(history));
        Assert.Equal(["source dev UAR", "target UAR"], chart.Series.Select(s => s.Name));
        Assert.All(chart.Series, s => Assert.InRange(s.Markers.Count, 2, RunCurves.MaxPoints));
        Assert.Equal(RunCurves.MaxPoints, chart.Series[0].Markers.Count);
        var dev = chart.Series[0].Markers;
        Assert.Equal((1, 700), (dev[0].Iteration, dev[^1].Iteration));
        Assert.Equal(CurveLayout.Left, dev[0].X, 6);
        Assert.Equal(CurveLayout.Width - CurveLayout.Right, dev[^1].X, 6);
        Assert.True(dev[^1].Y < dev[0].Y, "a rising UAR goes up the plot");
        Assert.Equal(RunCurves.MaxPoints, chart.Series[0].Points.Split(' ').Length);
        Assert.Equal((1, 700), (chart.FirstEpoch, chart.LastEpoch));
        Assert.Equal("1", chart.XTicks[0].Label);
        Assert.All(chart.YTicks, t => Assert.InRange(t.Position, CurveLayout.Top - 1e-9, CurveLayout.Height - CurveLayout.Bottom + 1e-9));
    }

    [Fact]
    public void Curves_without_epochs_or_target_evaluation_are_empty_or_single()
    {
        Assert.True(RunCurves.Layout(RunCurves.Loss([])).IsEmpty);
        var history = new[] { Epoch(1, 1.5, 0.3), Epoch(2, double.NaN, 0.4) };
        Assert.Single(RunCurves.Uar(history));
        var loss = RunCurves.Layout(RunCurves.Loss(history));
        Assert.Single(loss.Series[0].Markers); // the NaN epoch is left out
        Assert.Equal(CurveLayout.Left, loss.Series[0].Markers[0].X);
    }

    [Fact]
    public void The_confusion_heat_map_colours_row_shares_and_gives_recall()
    {
        var rows = ConfusionView.Rows(["ang", "neu"], [[3, 1], [0, 0]], [0.75, double.NaN]);
        Assert.Equal((4L, 0.75), (rows[0].Total, rows[0].Recall));
        Assert.Equal(HeatmapScale.Color(0.75, 1), rows[0].Cells[0].Background);
        Assert.Equal(HeatmapScale.Stops[^1], HeatmapScale.Color(1, 1));
        Assert.Equal(HeatmapScale.Missing, rows[1].Cells[0].Background); // no utterance of the class
        Assert.Equal("75.0", ConfusionView.ShareText(rows[0].Cells[0].Share));
        Assert.Equal("25.0", RunDisplay.Percent(ConfusionView.Rows(["a", "b"], [[1, 3], [2, 2]])[0].Recall));
        Assert.Throws<ArgumentException>(() => ConfusionView.Rows(["a", "b"], [[1, 2]]));
    }

    [Fact]
    public void A_grid_page_becomes_an_index_query()
    {
        var filters = new RunFilters { State = TrainingRunState.Failed, Method = "ag-cc", Corpus = " crema ", Task = "", Tag = "paper", Text = null };
        var query = RunDisplay.Query(2, 50, nameof(RunSummary.TargetUar), false, filters);
        Assert.Equal(new RunQuery(100, 50, RunSortField.TargetUar, false, TrainingRunState.Failed, "ag-cc", "crema", null, "paper", null), query);
        Assert.Equal((RunSortField.Queued, true), (RunDisplay.Query(0, 25, null, false, new RunFilters()) is var q ? (q.Sort, q.Descending) : default));
        Assert.Equal(RunSortField.Started, RunDisplay.SortField("StartedAt"));
        Assert.Equal(RunSortField.Queued, RunDisplay.SortField("QueuedAt"));
    }

    [Fact]
    public void Texts_links_and_tags()
    {
        Assert.Equal("—", RunDisplay.Duration(null));
        Assert.Equal("42 s", RunDisplay.Duration(TimeSpan.FromSeconds(42.7)));
        Assert.Equal("4:05", RunDisplay.Duration(TimeSpan.FromSeconds(245)));
        Assert.Equal("1:02:03", RunDisplay.Duration(new TimeSpan(1, 2, 3)));
        Assert.Equal("61.2", RunDisplay.Percent(0.6123));
        Assert.Equal("/compare?runs=a,b%20c", RunLinks.Compare(["a", "b c"]));
        Assert.Equal("/runs/r%2F1/checkpoint", RunLinks.Checkpoint("r/1"));
        Assert.Equal(["a", "b c"], RunTags.Parse(" a, b c ,, a"));
        Assert.Null(RunTags.Problem(["a"]));
        Assert.Contains("tags[0]", RunTags.Problem([new string('x', 65)]));
    }

    [Fact]
    public async Task The_checkpoint_endpoint_serves_the_blob_and_says_when_there_is_none()
    {
        var store = new MemoryStore();
        await store.WriteAsync(TrainingArtifacts.Checkpoint("run-1"), new byte[] { 1, 2, 3 });

        var found = await RunArtifactEndpoints.GetCheckpointAsync("run-1", store, CancellationToken.None);
        var file = Assert.IsAssignableFrom<IFileHttpResult>(found);
        Assert.Equal(("application/octet-stream", "run-1-checkpoint.bin"), (file.ContentType, file.FileDownloadName));
        Assert.Equal([1, 2, 3], Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult>(found).FileContents.ToArray());

        var none = await RunArtifactEndpoints.GetBestModelAsync("run-1", store, CancellationToken.None);
        Assert.Equal(StatusCodes.Status404NotFound, Assert.IsAssignableFrom<IStatusCodeHttpResult>(none).StatusCode);
        Assert.Contains("run 'run-1' has no best model", Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult>(none).ResponseContent);

        var bad = await RunArtifactEndpoints.GetCheckpointAsync("..", store, CancellationToken.None);
        Assert.Equal(StatusCodes.Status404NotFound, Assert.IsAssignableFrom<IStatusCodeHttpResult>(bad).StatusCode);
    }

    private sealed class MemoryStore : IArtifactStore
    {
        private readonly Dictionary<string, byte[]> blobs = [];

        public Task WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
        {
            blobs[name] = content.ToArray();
            return Task.CompletedTask;
        }

        public Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken = default) =>
            Task.FromResult(blobs.TryGetValue(name, out var b) ? b : null);
    }
}
