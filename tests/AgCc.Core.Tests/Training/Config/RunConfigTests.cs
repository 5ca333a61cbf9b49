using AgCc.Core.Corpora;
using AgCc.Core.Features;
using AgCc.Core.Training.Config;

namespace AgCc.Core.Tests.Training.Config;

[Trait("Category", Categories.Unit)]
public sealed class RunConfigTests
{
    private const string Minimal = """
        {
          "method": "ag-cc",
          "task": "4class",
          "source": { "name": "crema-d", "layout": "crema-d", "path": "/data/crema-d" },
          "target": { "name": "msp-improv" }
        }
        """;

    [Fact]
    public void A_minimal_document_takes_the_method_defaults()
    {
        var config = RunConfigJson.Parse(Minimal, "run.json");

        Assert.Equal(TrainingMethod.AgCc, config.Method);
        Assert.Equal(CorpusLayout.CremaD, config.Source.Layout);
        Assert.Null(config.Target.Location);
        Assert.Equal(FeatureSpec.LogMel, config.Features);
        Assert.Equal((10, 1.0), (config.Gestures.Clusters, config.Gestures.Gamma));
        Assert.Equal((0.2, 0.3, "vowels"), (config.Anchor.Beta, config.Anchor.Margin, config.Anchor.Phones));
        Assert.Equal((70, 64, 1e-4, 1e-3, 10, 0.1), (config.Training.Epochs, config.Training.BatchSize, config.Training.LearningRate,
            config.Training.WeightDecay, config.Training.Patience, config.Training.DevSpeakers));
        Assert.Equal([256, 128, 64], config.Model.HiddenWidths());
    }

    [Fact]
    public void Written_documents_read_back_equal_and_hash_the_same()
    {
        var config = RunConfigJson.Parse(Minimal, "run.json") with
        {
            Features = FeatureSpec.Wav2Vec2("/models/base", "3-6", FeatureNormalization.Utterance),
            Model = new ModelConfig(Width: 64, Hidden: [32, 16]),
            Tags = ["pilot"],
        };
        var again = RunConfigJson.Parse(RunConfigJson.Write(config), "written.json");

        Assert.Equal(RunConfigJson.Write(config), RunConfigJson.Write(again));
        Assert.Equal(RunConfigJson.Hash(config), RunConfigJson.Hash(again));
        Assert.Contains("\"method\": \"ag-cc\"", RunConfigJson.Write(config));
        Assert.Contains("\"extractor\": \"wav2vec2\"", RunConfigJson.Write(config));
        Assert.NotEqual(RunConfigJson.Hash(config), RunConfigJson.Hash(config with { Seed = 1 }));
    }

    [Fact]
    public void The_generated_id_is_stable_and_readable()
    {
        var config = RunConfigJson.Parse(Minimal, "run.json");

        Assert.Equal(config.RunId(), (config with { }).RunId());
        Assert.StartsWith("ag-cc-4class-crema-d-to-msp-improv-s0-", config.RunId());
        Assert.NotEqual(config.RunId(), (config with { Seed = 2 }).RunId());
        Assert.Equal("mine", (config with { Id = "mine" }).RunId());
    }

    [Theory]
    [InlineData("""{ "method": "ag-cc", "task": "4class", "source": { "name": "a" }, "target": { "name": "b" }, "training": { "epoks": 3 } }""", "line 1: training.epoks: unknown field")]
    [InlineData("""{ "method": "xx-cc", "task": "4class", "source": { "name": "a" }, "target": { "name": "b" } }""", "method: expected one of baseline, pa-cc, la-cc, ag-cc")]
    [InlineData("""{ "method": "baseline", "task": "4class", "source": { "name": "a" }, "target": { "name": "b" }, "training": { "epochs": "ten" } }""", "training.epochs: expected a whole number")]
    [InlineData("""{ "method": "baseline", "task": "4class", "source": { "name": "a" } }""", "target: missing (required)")]
    [InlineData("""{ "method": "baseline", "task": "4class", "source": { "name": "a" }, "target": { "name": "b" }, "features": { "extractor": "mfcc" } }""", "features.extractor: expected logmel or wav2vec2")]
    public void Malformed_documents_name_the_field(string json, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => RunConfigJson.Parse(json, "run.json"));

        Assert.Equal("run.json", error.File);
        Assert.Contains(expected, Assert.Single(error.Problems));
    }

    [Fact]
    public void Every_invalid_setting_is_listed_with_its_field()
    {
        const string json = """
            {
              "id": "bad id",
              "method": "la-cc", "task": "5class", "seed": -1,
              "source": { "name": "Crema", "path": "/x" },
              "target": { "name": "Crema" },
              "model": { "width": 100, "heads": 3, "dropout": 1.5 },
              "anchor": { "coralLayers": [0, 3], "targetShare": 1 },
              "training": { "epochs": 0, "batchSize": 1, "devSpeakers": 0 }
            }
            """;
        var problems = Assert.Throws<ConfigException>(() => RunConfigJson.Parse(json, "run.json")).Problems;

        foreach (var field in new[] { "id:", "task:", "seed:", "source.name:", "source.layout:", "model.heads:", "model.dropout:",
            "anchor.coralLayers[0]:", "anchor.coralLayers[1]:", "anchor.targetShare:", "training.epochs:", "training.batchSize:", "training.devSpeakers:" })
            Assert.Contains(problems, p => p.StartsWith(field, StringComparison.Ordinal));
    }

    [Fact]
    public void Phone_sets_read_vowels_all_and_lists()
    {
        Assert.Contains("IY", PhoneSet.Parse("vowels")!);
        Assert.DoesNotContain("K", PhoneSet.Parse("vowels")!);
        Assert.Null(PhoneSet.Parse("all"));
        Assert.Equal(["AA", "IY"], PhoneSet.Parse("AA1, IY")!.Order());
    }
}
