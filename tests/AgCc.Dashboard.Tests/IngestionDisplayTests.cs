using AgCc.Dashboard.Corpora;
using AgCc.Grains.Corpora;

namespace AgCc.Dashboard.Tests;

[Trait("Category", "Unit")]
public class IngestionDisplayTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Progress_is_processed_of_listed_and_unknown_before_the_listing()
    {
        Assert.Null(IngestionDisplay.Percent(IngestionProgress.None));
        Assert.Equal(25.0, IngestionDisplay.Percent(IngestionProgress.None with { State = IngestionState.Running, Listed = 40, Processed = 10 }));
    }

    [Fact]
    public void Elapsed_time_runs_to_now_while_running_and_to_the_end_after()
    {
        var running = IngestionProgress.None with { State = IngestionState.Running, StartedAt = Start };
        Assert.Equal("12.5 s", IngestionDisplay.Elapsed(running, Start.AddSeconds(12.5)));
        var done = running with { State = IngestionState.Completed, FinishedAt = Start.AddSeconds(125) };
        Assert.Equal("2 min 5 s", IngestionDisplay.Elapsed(done, Start.AddHours(1)));
        Assert.Null(IngestionDisplay.Elapsed(IngestionProgress.None, Start));
    }

    [Fact]
    public void Pages_poll_every_second_only_while_an_ingestion_runs()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), IngestionDisplay.PollInterval(anyRunning: true));
        Assert.True(IngestionDisplay.PollInterval(anyRunning: false) > TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Links_escape_their_segments()
    {
        Assert.Equal("/corpora/crema-d", CorpusLinks.Corpus("crema-d"));
        Assert.Equal("/corpora/msp/utterances/MSP-IMPROV%20S01%2FA", CorpusLinks.Utterance("msp", "MSP-IMPROV S01/A"));
        Assert.Equal("/media/corpora/crema-d/1001_DFA_ANG_XX.wav", CorpusLinks.Audio("crema-d", "1001_DFA_ANG_XX"));
    }
}
