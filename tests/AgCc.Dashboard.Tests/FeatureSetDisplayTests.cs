using AgCc.Dashboard.Features;
using AgCc.Grains.Features;

namespace AgCc.Dashboard.Tests;

[Trait("Category", "Unit")]
public class FeatureSetDisplayTests
{
    private static readonly FeatureSetStatus Extracting = new(
        "crema-d", "logmel", FeatureSetStage.Extracting, 1, Batches: 8, BatchesDone: 2, Utterances: 64, Frames: 12800, AudioSeconds: 128,
        ExtractionSeconds: 0.2, WaitingSeconds: 0.05, Elapsed: TimeSpan.FromSeconds(0.5), "cpu", new FeatureSetShape(1, 80, 100, 0), [], null, null, null, null, 0, []);

    [Fact]
    public void Progress_shape_and_throughput_read_as_a_researcher_expects()
    {
        Assert.Equal(25.0, FeatureSetDisplay.Percent(Extracting));
        Assert.Equal("80 @ 100 Hz", FeatureSetDisplay.Shape(Extracting));
        Assert.Equal("13 × 768 @ 50 Hz", FeatureSetDisplay.Shape(Extracting with { Shape = new FeatureSetShape(13, 768, 50, 0.0125) }));
        Assert.Equal("256 s/s", FeatureSetDisplay.Throughput(Extracting));
        Assert.Equal("", FeatureSetDisplay.Throughput(Extracting with { AudioSeconds = 0 }));
        Assert.Equal("", FeatureSetDisplay.Shape(Extracting with { Shape = null }));
        Assert.Equal(0, FeatureSetDisplay.Percent(Extracting with { Batches = 0, BatchesDone = 0 }));
    }
}
