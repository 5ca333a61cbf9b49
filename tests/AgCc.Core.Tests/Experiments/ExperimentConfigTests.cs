using AgCc.Core.Experiments;
using AgCc.Core.Features;
using AgCc.Core.Training.Config;

namespace AgCc.Core.Tests.Experiments;

[Trait("Category", Categories.Unit)]
public sealed class ExperimentConfigTests
{
    private const string Minimal = """
        {
          "name": "pilot",
          "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ]
        }
        """;

    private static ExperimentConfig Parse(string json) => ExperimentConfigJson.Parse(json, "experiment.json");

    private static IReadOnlyList<string> ProblemsOf(string json)
    {
        var error = Assert.Throws<ConfigException>(() => Parse(json));
        Assert.Equal("experiment.json", error.File);
        return error.Problems;
    }

    [Fact]
    public void The_demo_experiment_is_valid_and_reads_back_equal()
    {
        var demo = ExampleExperimentConfigs.Demo("/data/synth");
        Assert.Empty(demo.Problems());

        var written = ExperimentConfigJson.Write(demo);
        var again = ExperimentConfigJson.Parse(written, "demo.json");

        Assert.Equal(written, ExperimentConfigJson.Write(again));
        Assert.Equal(ExperimentConfigJson.Hash(demo), ExperimentConfigJson.Hash(again));
        Assert.Equal(demo.Name, again.Name);
        Assert.Equal(demo.Corpora, again.Corpora);
        Assert.Null(again.Directions);
        Assert.Equal(demo.Methods, again.Methods);
        Assert.Equal(["4class", "arousal"], again.Tasks);
        Assert.Equal([0L, 1L, 2L], again.Seeds);
        Assert.Equal(demo.Features, again.Features);
        Assert.Equal(FeatureNormalization.Corpus, again.Features.Normalization);
        Assert.Equal(demo.Gestures, again.Gestures);
        Assert.Equal(demo.Training, again.Training);
        Assert.Equal(demo.Anchor.Beta, again.Anchor.Beta);
        Assert.Equal(RunConfigJson.Write(demo.Runs()[0].Config), RunConfigJson.Write(again.Runs()[0].Config));
        Assert.Contains("\"name\": \"demo\"", written);
        Assert.Contains("\"ag-cc\"", written);
        Assert.DoesNotContain("experimentTag", written);
    }

    [Fact]
    public void The_demo_grid_has_48_runs()
    {
        // 3 seeds × 2 tasks × 2 directions × 4 methods.
        var runs = ExampleExperimentConfigs.Demo("/data/synth").Runs();

        Assert.Equal(48, runs.Count);
        Assert.Equal(48, runs.Select(r => r.RunId).Distinct().Count());
    }

    [Fact]
    public void Directions_and_tags_read_back_equal()
    {
        var config = Parse(Minimal) with
        {
            Directions = [new ExperimentDirection("msp-improv", "crema-d")],
            Tags = ["pilot-batch"],
            Seeds = [3, 1],
        };
        var written = ExperimentConfigJson.Write(config);
        var again = Parse(written);

        Assert.Equal(written, ExperimentConfigJson.Write(again));
        Assert.Equal(ExperimentConfigJson.Hash(config), ExperimentConfigJson.Hash(again));
        Assert.Equal(config.Directions, again.Directions);
        Assert.Equal(["pilot-batch"], again.Tags);
        Assert.Equal([3L, 1L], again.Seeds);
        Assert.NotEqual(ExperimentConfigJson.Hash(config), ExperimentConfigJson.Hash(config with { Seeds = [1, 3] }));
        Assert.Equal(config.Runs().Select(r => r.RunId), again.Runs().Select(r => r.RunId));
    }

    [Fact]
    public void A_minimal_document_takes_both_directions_four_methods_five_seeds()
    {
        var config = Parse(Minimal);

        Assert.Null(config.Directions);
        Assert.Equal([new ExperimentDirection("crema-d", "msp-improv"), new ExperimentDirection("msp-improv", "crema-d")], config.DirectionsOrBoth());
        Assert.Equal([TrainingMethod.Baseline, TrainingMethod.PaCc, TrainingMethod.LaCc, TrainingMethod.AgCc], config.Methods);
        Assert.Equal([0L, 1L, 2L, 3L, 4L], config.Seeds);
        Assert.Equal(["4class", "arousal", "valence"], config.Tasks);
        Assert.Empty(config.Tags);
        Assert.Equal("experiment:pilot", config.ExperimentTag);
        Assert.Equal(70, config.Training.Epochs);
    }

    [Fact]
    public void Given_directions_are_the_only_ones()
    {
        var config = Parse("""
            {
              "name": "one-way",
              "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ],
              "directions": [ { "source": "msp-improv", "target": "crema-d" } ],
              "tasks": [ "arousal" ],
              "seeds": [ 7 ]
            }
            """);

        Assert.Equal([new ExperimentDirection("msp-improv", "crema-d")], config.DirectionsOrBoth());
        var runs = config.Runs();
        Assert.Equal(4, runs.Count);
        Assert.All(runs, r => Assert.Equal(("msp-improv", "crema-d", "arousal", 7L), (r.Config.Source.Name, r.Config.Target.Name, r.Config.Task, r.Config.Seed)));
    }

    [Fact]
    public void The_grid_is_seeds_times_tasks_times_directions_times_methods()
    {
        var config = Parse(Minimal);
        var runs = config.Runs();

        Assert.Equal(5 * 3 * 2 * 4, runs.Count);
        Assert.Equal(runs.Count, runs.Select(r => r.RunId).Distinct().Count());
        Assert.Equal(runs.Count, runs.Select(r => (r.Cell, r.Seed)).Distinct().Count());
        // Every cell has each seed exactly once.
        Assert.All(runs.GroupBy(r => r.Cell), g => Assert.Equal([0L, 1L, 2L, 3L, 4L], g.Select(r => r.Seed).Order()));
    }

    [Fact]
    public void Runs_are_seed_major_then_task_direction_method()
    {
        var runs = Parse(Minimal).Runs();
        const int perSeed = 3 * 2 * 4;

        for (var seed = 0; seed < 5; seed++)
            Assert.All(runs.Skip(seed * perSeed).Take(perSeed), r => Assert.Equal(seed, r.Seed));
        // The last run of seed 0 comes before the first of seed 1.
        Assert.True(runs.ToList().FindLastIndex(r => r.Seed == 0) < runs.ToList().FindIndex(r => r.Seed == 1));
        // Each seed's block lists the cells in the same order.
        var firstBlock = runs.Take(perSeed).Select(r => r.Cell).ToList();
        for (var seed = 1; seed < 5; seed++) Assert.Equal(firstBlock, runs.Skip(seed * perSeed).Take(perSeed).Select(r => r.Cell));

        Assert.Equal(new ExperimentCell("4class", "crema-d", "msp-improv", TrainingMethod.Baseline), runs[0].Cell);
        Assert.Equal(new ExperimentCell("4class", "crema-d", "msp-improv", TrainingMethod.PaCc), runs[1].Cell);
        Assert.Equal(new ExperimentCell("4class", "crema-d", "msp-improv", TrainingMethod.AgCc), runs[3].Cell);
        Assert.Equal(new ExperimentCell("4class", "msp-improv", "crema-d", TrainingMethod.Baseline), runs[4].Cell);
        Assert.Equal(new ExperimentCell("arousal", "crema-d", "msp-improv", TrainingMethod.Baseline), runs[8].Cell);
        Assert.Equal(new ExperimentCell("valence", "msp-improv", "crema-d", TrainingMethod.AgCc), runs[perSeed - 1].Cell);
    }

    [Fact]
    public void Each_run_config_is_its_cell_and_seed_with_the_shared_settings()
    {
        var config = Parse(Minimal) with
        {
            Tags = ["pilot-batch"],
            Training = new OptimizationConfig(Epochs: 3),
            Model = new ModelConfig(Width: 64, Hidden: [32, 16]),
        };

        foreach (var run in config.Runs())
        {
            Assert.Equal(run.Cell.Method, run.Config.Method);
            Assert.Equal(run.Cell.Task, run.Config.Task);
            Assert.Equal(run.Cell.Source, run.Config.Source.Name);
            Assert.Equal(run.Cell.Target, run.Config.Target.Name);
            Assert.Equal(run.Seed, run.Config.Seed);
            Assert.Equal(3, run.Config.Training.Epochs);
            Assert.Equal(64, run.Config.Model.Width);
            Assert.Equal(["pilot-batch", "experiment:pilot"], run.Config.Tags);
            Assert.Equal(run.RunId, run.Config.Id);
            Assert.Empty(run.Config.Problems());
        }
    }

    [Fact]
    public void Run_ids_are_stable_across_calls_and_a_json_round_trip()
    {
        var config = Parse(Minimal);
        var again = Parse(ExperimentConfigJson.Write(config));

        var ids = config.Runs().Select(r => r.RunId).ToList();
        Assert.Equal(ids, config.Runs().Select(r => r.RunId));
        Assert.Equal(ids, again.Runs().Select(r => r.RunId));
        Assert.StartsWith("baseline-4class-crema-d-to-msp-improv-s0-", ids[0]);
    }

    [Fact]
    public void Equal_cells_of_differently_named_experiments_get_different_run_ids()
    {
        var pilot = Parse(Minimal).Runs();
        var other = (Parse(Minimal) with { Name = "other" }).Runs();

        Assert.Equal(pilot.Select(r => (r.Cell, r.Seed)), other.Select(r => (r.Cell, r.Seed)));
        for (var i = 0; i < pilot.Count; i++) Assert.NotEqual(pilot[i].RunId, other[i].RunId);
        Assert.Empty(pilot.Select(r => r.RunId).Intersect(other.Select(r => r.RunId)));
        Assert.Contains("experiment:other", other[0].Config.Tags);
    }

    [Theory]
    [InlineData("""{ "name": "Pilot_1", "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ] }""", "name: ")]
    [InlineData("""{ "name": "", "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ] }""", "name: ")]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "crema-d" } ] }""", "corpora: expected two corpora (got 1)")]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "a" }, { "name": "b" }, { "name": "c" } ] }""", "corpora: expected two corpora (got 3)")]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "crema-d" }, { "name": "crema-d" } ] }""", "corpora[1].name: ")]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "crema-d" }, { "name": "MSP" } ] }""", "corpora[1].name: ")]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "crema-d", "path": "/x" }, { "name": "msp-improv" } ] }""", "corpora[0].layout: ")]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ], "directions": [ { "source": "crema-d", "target": "iemocap" } ] }""", "directions[0].target: 'iemocap' is not one of the corpora")]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ], "directions": [ { "source": "msp-improv", "target": "crema-d" }, { "source": "iemocap", "target": "crema-d" } ] }""", "directions[1].source: 'iemocap' is not one of the corpora")]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ], "directions": [ { "source": "crema-d", "target": "crema-d" } ] }""", "directions[0]: source and target are both 'crema-d'")]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ], "directions": [] }""", "directions: empty")]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ], "directions": [ { "source": "crema-d", "target": "msp-improv" }, { "source": "crema-d", "target": "msp-improv" } ] }""", "directions: 'crema-d → msp-improv' is listed 2 times")]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ], "seeds": [ 0, 1, 1 ] }""", "seeds: '1' is listed 2 times")]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ], "seeds": [ 0, -2 ] }""", "seeds[1]: must be ≥ 0 (got -2)")]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ], "seeds": [] }""", "seeds: empty")]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ], "tasks": [ "4class", "5class" ] }""", "tasks[1]: '5class' is not one of ")]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ], "tasks": [ "arousal", "arousal" ] }""", "tasks: 'arousal' is listed 2 times")]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ], "methods": [] }""", "methods: empty")]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ], "methods": [ "ag-cc", "ag-cc" ] }""", "methods: 'AgCc' is listed 2 times")]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ], "training": { "epochs": 0 } }""", "training.epochs: must be at least 1 (got 0)")]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ], "model": { "dropout": 1.5 } }""", "model.dropout: ")]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ], "tags": [ " " ] }""", "tags[0]: empty")]
    public void An_invalid_setting_is_the_one_problem_and_names_its_field(string json, string expected)
    {
        var problem = Assert.Single(ProblemsOf(json));

        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_shared_setting_is_reported_once_not_per_run()
    {
        var problems = ProblemsOf("""{ "name": "pilot", "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ], "training": { "epochs": 0, "batchSize": 1 } }""");

        Assert.Equal(["training.epochs: must be at least 1 (got 0)", "training.batchSize: must be at least 2 (got 1)"], problems);
    }

    [Fact]
    public void Every_problem_of_the_grid_is_listed()
    {
        var problems = ProblemsOf("""
            {
              "name": "Bad Name",
              "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ],
              "directions": [ { "source": "crema-d", "target": "iemocap" } ],
              "methods": [],
              "tasks": [ "5class" ],
              "seeds": [ -1, 3, 3 ]
            }
            """);

        foreach (var field in new[] { "name:", "directions[0].target:", "methods:", "tasks[0]:", "seeds[0]:", "seeds:" })
            Assert.Contains(problems, p => p.StartsWith(field, StringComparison.Ordinal));
        Assert.Equal(6, problems.Count);
    }

    [Theory]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ], "seeds": "three" }""", "seeds: expected a list")]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ], "seeds": [ 0, 1.5 ] }""", "seeds[1]: expected a whole number")]
    [InlineData("""{ "name": 5, "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ] }""", "name: expected a string")]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ], "methods": [ "ag-cc", "xx-cc" ] }""", "methods[1]: expected one of baseline, pa-cc, la-cc, ag-cc")]
    [InlineData("""{ "name": "pilot", "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ], "training": { "epochs": "ten" } }""", "training.epochs: expected a whole number")]
    [InlineData("""{ "name": "pilot" }""", "corpora: missing (required)")]
    public void Malformed_documents_name_the_field(string json, string expected)
    {
        Assert.Contains(expected, Assert.Single(ProblemsOf(json)));
    }

    [Fact]
    public void An_unknown_field_names_its_line()
    {
        const string json = """
            {
              "name": "pilot",
              "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ],
              "sedes": [ 0, 1 ]
            }
            """;

        Assert.Equal("line 4: sedes: unknown field", Assert.Single(ProblemsOf(json)));
    }

    [Fact]
    public void An_unknown_nested_field_names_its_path_and_line()
    {
        const string json = """
            {
              "name": "pilot",
              "corpora": [ { "name": "crema-d" }, { "name": "msp-improv" } ],
              "training": {
                "epochs": 3,
                "epoks": 3
              }
            }
            """;

        Assert.Equal("line 6: training.epoks: unknown field", Assert.Single(ProblemsOf(json)));
    }

    [Fact]
    public void Every_run_of_a_valid_experiment_is_a_valid_run_config()
    {
        // Run ids read METHOD-TASK-SOURCE-to-TARGET-sSEED-HASH8. With these methods and tasks the first
        // run's id is "ag-cc-4class-" (13) + A + "-to-" (4) + B + "-s0-" (4) + 8 = 29 + A + B characters;
        // baseline/arousal with seed 10 is "baseline-arousal-" (17) + A + 4 + B + "-s10-" (5) + 8 = 34 + A + B.
        var a = new string('a', 35);
        var b = new string('b', 36);
        var config = new ExperimentConfig
        {
            Name = "long-names",
            Corpora = [new CorpusReference(a), new CorpusReference(b)],
            Methods = [TrainingMethod.AgCc, TrainingMethod.Baseline],
            Tasks = ["4class", "arousal"],
            Seeds = [0, 10],
        };
        Assert.Equal(100, config.Runs()[0].RunId.Length);

        // Either the experiment says it cannot run, or every run it plans is valid.
        var problems = config.Problems();
        var invalid = config.Runs().Where(r => r.Config.Problems().Count > 0).Select(r => r.RunId).ToList();
        Assert.True(problems.Count > 0 || invalid.Count == 0,
            $"the experiment has no problem, but {invalid.Count} of its runs are invalid, e.g. '{invalid.FirstOrDefault()}' ({invalid.FirstOrDefault()?.Length} characters)");
    }
}
