using AgCc.Core.Corpora;
using AgCc.Dashboard.Gestures;
using AgCc.Grains.Gestures;
using MudBlazor;

namespace AgCc.Dashboard.Tests;

[Trait("Category", "Unit")]
public class GesturesDisplayTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static GestureClusteringStatus Status(GestureClusteringStage stage, GestureClusteringSpec? spec = null, int iteration = 0, double[]? inertia = null) =>
        new("g", stage, spec, 1, 100, 80, iteration, inertia ?? [], [], stage == GestureClusteringStage.NotStarted ? null : Start, null, null, 0, null);

    [Fact]
    public void Stages_have_words_and_colours()
    {
        Assert.Equal("fitting", GestureDisplay.StageText(GestureClusteringStage.Fitting));
        Assert.Equal("not started", GestureDisplay.StageText(GestureClusteringStage.NotStarted));
        Assert.Equal(Color.Info, GestureDisplay.StageColor(GestureClusteringStage.Assigning));
        Assert.Equal(Color.Success, GestureDisplay.StageColor(GestureClusteringStage.Completed));
        Assert.Equal(Color.Error, GestureDisplay.StageColor(GestureClusteringStage.Failed));
        Assert.Equal(Color.Default, GestureDisplay.StageColor(GestureClusteringStage.NotStarted));
    }

    [Fact]
    public void Iterations_show_against_the_most_allowed_and_fill_a_bar_only_while_fitting()
    {
        var spec = new GestureClusteringSpec(["a", "b"], MaxIterations: 40);
        var fitting = Status(GestureClusteringStage.Fitting, spec, iteration: 10);
        Assert.Equal("10 / 40", GestureDisplay.IterationText(fitting));
        Assert.Equal(25.0, GestureDisplay.FitPercent(fitting));
        Assert.Null(GestureDisplay.FitPercent(fitting with { Stage = GestureClusteringStage.Preparing }));
        Assert.Equal("0", GestureDisplay.IterationText(Status(GestureClusteringStage.NotStarted)));
        Assert.Equal("a, b", GestureDisplay.CorporaText(fitting));
        Assert.Equal("—", GestureDisplay.CorporaText(Status(GestureClusteringStage.NotStarted)));
    }

    [Fact]
    public void The_last_inertia_is_the_trace_end()
    {
        Assert.Null(GestureDisplay.LastInertia(Status(GestureClusteringStage.Preparing)));
        Assert.Equal(3.5, GestureDisplay.LastInertia(Status(GestureClusteringStage.Fitting, inertia: [9, 4, 3.5])));
    }

    [Theory]
    [InlineData(null, "—")]
    [InlineData(0.0, "0")]
    [InlineData(3.14159265, "3.1416")]
    [InlineData(-12.5, "-12.5")]
    [InlineData(12345.678, "12,345.7")]
    [InlineData(123456789.0, "1.235E+8")]
    [InlineData(0.0000123, "1.23E-5")]
    public void Numbers_are_compact(double? value, string text) => Assert.Equal(text, GestureDisplay.Number(value));

    [Fact]
    public void Elapsed_time_runs_to_now_only_while_running()
    {
        var running = Status(GestureClusteringStage.Fitting);
        Assert.Equal("12.5 s", GestureDisplay.Elapsed(running, Start.AddSeconds(12.5)));
        var done = running with { Stage = GestureClusteringStage.Completed, FinishedAt = Start.AddSeconds(125) };
        Assert.Equal("2 min 5 s", GestureDisplay.Elapsed(done, Start.AddHours(5)));
        Assert.Equal("1 h 1 min", GestureDisplay.Elapsed(running, Start.AddMinutes(61)));
        Assert.Null(GestureDisplay.Elapsed(Status(GestureClusteringStage.NotStarted), Start));
    }

    [Fact]
    public void A_name_never_started_is_unknown()
    {
        Assert.True(GestureDisplay.IsUnknown(Status(GestureClusteringStage.NotStarted)));
        Assert.False(GestureDisplay.IsUnknown(Status(GestureClusteringStage.Failed, new GestureClusteringSpec(["a"]))));
    }

    [Fact]
    public void Top_phones_are_the_most_frequent_first_with_ties_by_name()
    {
        var phones = new Dictionary<string, int> { ["B"] = 3, ["AA"] = 7, ["M"] = 3, ["P"] = 1, ["Z"] = 0 };
        Assert.Equal(["AA 7", "B 3", "M 3"], GestureDisplay.TopPhones(phones, 3));
        Assert.Equal(4, GestureDisplay.TopPhones(phones).Count);
    }

    [Fact]
    public void The_max_membership_is_the_largest_soft_membership()
    {
        Assert.Equal(0.7, GestureDisplay.MaxMembership([0.1, 0.7, 0.2]));
        Assert.Null(GestureDisplay.MaxMembership([]));
    }

    [Fact]
    public void Running_clusterings_come_first_then_the_newest()
    {
        var old = Status(GestureClusteringStage.Completed) with { Name = "old" };
        var newer = old with { Name = "newer", StartedAt = Start.AddHours(1) };
        var running = Status(GestureClusteringStage.Fitting) with { Name = "running" };
        var never = Status(GestureClusteringStage.NotStarted) with { Name = "never" };
        Assert.Equal(["running", "newer", "old", "never"], GestureDisplay.Ordered([old, never, running, newer]).Select(s => s.Name));
    }

    [Fact]
    public void Links_escape_names_and_a_segment_opens_its_utterance_at_its_start()
    {
        Assert.Equal("/gestures/a%20b", GestureLinks.Clustering("a b"));
        var segment = new SegmentAssignment(3, "crema d", "1001_DFA_ANG_XX", "AA1", Emotion.Anger, 0.4567, 0.6, 2, [0.2, 0.8]);
        Assert.Equal("/corpora/crema%20d/utterances/1001_DFA_ANG_XX?t=0.457", GestureLinks.Segment(segment));
    }
}
