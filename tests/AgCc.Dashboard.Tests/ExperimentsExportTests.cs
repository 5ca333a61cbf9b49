using System.Text;
using AgCc.Client;
using AgCc.Core.Experiments.Analysis;
using AgCc.Core.Experiments.Results;
using AgCc.Dashboard.Experiments;
using AgCc.Grains.Experiments;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgCc.Dashboard.Tests;

/// <summary>The experiment page's export buttons: each format is the CLI's text for the same table; unknown names and formats are 404s that say why.</summary>
[Trait("Category", "Unit")]
public sealed class ExperimentsExportTests
{
    private static readonly ExperimentStatus Grid = new("paper-grid", ExperimentStage.Completed, "{}", null, null,
        ExperimentsResultsViewTests.Outcomes(), null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static AgCcClient Client() => new(new FakeCluster().WithExperiments(
        new Dictionary<string, ExperimentStatus> { [Grid.Name] = Grid }, new AnchorAgreement("4class", [], [], [], [], null, null, 0)).Client);

    [Theory]
    [InlineData("md", "text/markdown; charset=utf-8")]
    [InlineData("csv", "text/csv; charset=utf-8")]
    [InlineData("json", "application/json; charset=utf-8")]
    public async Task Each_format_is_the_CLIs_text_for_the_same_table(string format, string contentType)
    {
        var result = Assert.IsType<FileContentHttpResult>(await ExperimentExportEndpoints.GetAsync(Grid.Name, format, Client()));

        Assert.Equal(contentType, result.ContentType);
        Assert.Equal($"paper-grid-results.{format}", result.FileDownloadName);
        Assert.Equal(ExperimentTableFormats.Write(ExperimentAggregation.Table(Grid.Name, Grid.Runs), format), Encoding.UTF8.GetString(result.FileContents.Span));
    }

    [Fact]
    public async Task An_unknown_experiment_or_format_is_a_404_that_says_why()
    {
        var unknown = Assert.IsType<ContentHttpResult>(await ExperimentExportEndpoints.GetAsync("nowhere", "md", Client()));
        Assert.Equal(StatusCodes.Status404NotFound, unknown.StatusCode);
        Assert.Contains("no experiment 'nowhere'", unknown.ResponseContent);

        var format = Assert.IsType<ContentHttpResult>(await ExperimentExportEndpoints.GetAsync(Grid.Name, "xlsx", Client()));
        Assert.Equal(StatusCodes.Status404NotFound, format.StatusCode);
        Assert.Contains("expected md, csv, json", format.ResponseContent);
        Assert.Equal("/experiments/paper-grid/results.csv", ExperimentExportEndpoints.Link("paper-grid", "csv"));
    }
}
