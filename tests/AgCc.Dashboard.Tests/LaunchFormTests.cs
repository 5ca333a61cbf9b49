using System.Diagnostics;
using AgCc.Core.Experiments;
using AgCc.Core.Features;
using AgCc.Core.Training.Config;
using AgCc.Dashboard.Launch;

namespace AgCc.Dashboard.Tests;

/// <summary>The Launch page's form logic: defaults, problems beside their fields, the CLI command, the grid.</summary>
[Trait("Category", "Unit")]
public class LaunchFormTests
{
    private static LaunchForm Form(LaunchMode mode = LaunchMode.Run) => new(["crema-d", "msp-improv"]) { Mode = mode, Name = mode == LaunchMode.Experiment ? "grid" : "" };

    [Fact]
    public void A_new_run_form_holds_the_run_configs_defaults()
    {
        var run = Form().ToRunConfig();
        var expected = new RunConfig { Method = run.Method, Task = run.Task, Source = new CorpusReference("crema-d"), Target = new CorpusReference("msp-improv") };
        Assert.Equal(RunConfigJson.Write(expected), RunConfigJson.Write(run));
        Assert.Equal(new OptimizationConfig(), run.Training);
        Assert.Equal(new GestureConfig(), run.Gestures);
        Assert.Equal(new AnchorConfig(), run.Anchor);
        Assert.Equal(new ModelConfig(), run.Model);
        Assert.Equal(FeatureSpec.LogMel, run.Features);
        Assert.Equal(0L, run.Seed);
        Assert.Null(run.Id);
        Assert.Equal(TrainingMethod.AgCc, run.Method);
        Assert.Equal("4class", run.Task);
        Assert.Empty(run.Problems());
        Assert.Empty(Form().Problems());
    }

    [Fact]
    public void The_forms_fields_start_at_the_records_defaults()
    {
        var form = Form();
        var (training, gestures, anchor) = (new OptimizationConfig(), new GestureConfig(), new AnchorConfig());
        Assert.Equal(training.Epochs, form.Epochs);
        Assert.Equal(training.BatchSize, form.BatchSize);
        Assert.Equal(training.LearningRate, form.LearningRate);
        Assert.Equal(training.Patience, form.Patience);
        Assert.Equal(gestures.Clusters, form.Clusters);
        Assert.Equal(gestures.Gamma, form.Gamma);
        Assert.Equal(gestures.Temperature, form.Temperature);
        Assert.Equal(gestures.FitSubsample, form.FitSubsample);
        Assert.Equal(gestures.MaxIterations, form.MaxIterations);
        Assert.Equal(gestures.MaxIterationsBarycenter, form.MaxIterationsBarycenter);
        var model = new ModelConfig();
        Assert.Equal((model.Width, model.Layers, model.Heads, model.FeedForward), (form.ModelWidth, form.ModelLayers, form.ModelHeads, form.ModelFeedForward));
        Assert.Equal(anchor.Beta, form.Beta);
        Assert.Equal(anchor.Margin, form.Margin);
        Assert.Equal(FeatureSpec.LogMel.Extractor, form.Extractor);
        Assert.Equal(FeatureSpec.LogMel.Normalization, form.Normalization);
        Assert.Equal(("crema-d", "msp-improv"), (form.Source, form.Target));
    }

    [Fact]
    public void A_new_grid_form_holds_the_experiment_configs_defaults()
    {
        var grid = Form(LaunchMode.Experiment).ToExperimentConfig();
        var expected = new ExperimentConfig { Name = "grid", Corpora = [new CorpusReference("crema-d"), new CorpusReference("msp-improv")] };
        Assert.Equal(ExperimentConfigJson.Write(expected), ExperimentConfigJson.Write(grid));
        Assert.Equal(expected.Methods, grid.Methods);
        Assert.Equal(expected.Tasks, grid.Tasks);
        Assert.Equal(expected.Seeds, grid.Seeds);
        Assert.Null(grid.Directions);
        Assert.Empty(Form(LaunchMode.Experiment).Problems());
    }

    [Fact]
    public void Without_corpora_the_form_says_so_beside_source_and_target()
    {
        var view = LaunchView.Of(new LaunchForm());
        Assert.False(view.CanLaunch);
        Assert.NotEmpty(view.For(LaunchField.Source));
        Assert.NotEmpty(view.For(LaunchField.Target));
        Assert.Empty(view.Unowned);
    }

    /// <summary>Breaks one field of the form; the problem must land beside that field, and nowhere else.</summary>
    [Theory]
    [InlineData(LaunchMode.Run, "id", LaunchField.Name, "id")]
    [InlineData(LaunchMode.Run, "source", LaunchField.Source, "source.name")]
    [InlineData(LaunchMode.Run, "same-corpora", LaunchField.Target, "target.name")]
    [InlineData(LaunchMode.Run, "task", LaunchField.Task, "task")]
    [InlineData(LaunchMode.Run, "method", LaunchField.Method, "method")]
    [InlineData(LaunchMode.Run, "seed", LaunchField.Seed, "seed")]
    [InlineData(LaunchMode.Run, "checkpoint", LaunchField.Checkpoint, "features.checkpoint")]
    [InlineData(LaunchMode.Run, "layer", LaunchField.Layer, "features.layer")]
    [InlineData(LaunchMode.Run, "extractor", LaunchField.Extractor, "features.extractor")]
    [InlineData(LaunchMode.Run, "normalization", LaunchField.Normalization, "features.normalization")]
    [InlineData(LaunchMode.Run, "clusters", LaunchField.Clusters, "gestures.clusters")]
    [InlineData(LaunchMode.Run, "gamma", LaunchField.Gamma, "gestures.gamma")]
    [InlineData(LaunchMode.Run, "temperature", LaunchField.Temperature, "gestures.temperature")]
    [InlineData(LaunchMode.Run, "fit-subsample", LaunchField.FitSubsample, "gestures.fitSubsample")]
    [InlineData(LaunchMode.Run, "fit-subsample-below-k", LaunchField.FitSubsample, "gestures.fitSubsample")]
    [InlineData(LaunchMode.Run, "max-iterations", LaunchField.MaxIterations, "gestures.maxIterations")]
    [InlineData(LaunchMode.Run, "max-iterations-barycenter", LaunchField.MaxIterationsBarycenter, "gestures.maxIterationsBarycenter")]
    [InlineData(LaunchMode.Run, "model-width", LaunchField.ModelWidth, "model.width")]
    [InlineData(LaunchMode.Run, "model-layers", LaunchField.ModelLayers, "model.layers")]
    [InlineData(LaunchMode.Run, "model-heads", LaunchField.ModelHeads, "model.heads")]
    [InlineData(LaunchMode.Run, "model-heads-not-dividing", LaunchField.ModelHeads, "model.heads")]
    [InlineData(LaunchMode.Run, "model-feed-forward", LaunchField.ModelFeedForward, "model.feedForward")]
    [InlineData(LaunchMode.Run, "beta", LaunchField.Beta, "anchor.beta")]
    [InlineData(LaunchMode.Run, "margin", LaunchField.Margin, "anchor.margin")]
    [InlineData(LaunchMode.Run, "epochs", LaunchField.Epochs, "training.epochs")]
    [InlineData(LaunchMode.Run, "batch-size", LaunchField.BatchSize, "training.batchSize")]
    [InlineData(LaunchMode.Run, "learning-rate", LaunchField.LearningRate, "training.learningRate")]
    [InlineData(LaunchMode.Run, "patience", LaunchField.Patience, "training.patience")]
    [InlineData(LaunchMode.Experiment, "name", LaunchField.Name, "name")]
    [InlineData(LaunchMode.Experiment, "source", LaunchField.Source, "corpora[0].name")]
    [InlineData(LaunchMode.Experiment, "same-corpora", LaunchField.Target, "corpora[1].name")]
    [InlineData(LaunchMode.Experiment, "tasks", LaunchField.Task, "tasks")]
    [InlineData(LaunchMode.Experiment, "methods", LaunchField.Method, "methods")]
    [InlineData(LaunchMode.Experiment, "seeds-empty", LaunchField.Seed, "seeds")]
    [InlineData(LaunchMode.Experiment, "seeds-text", LaunchField.Seed, "seeds")]
    [InlineData(LaunchMode.Experiment, "seeds-negative", LaunchField.Seed, "seeds[1]")]
    [InlineData(LaunchMode.Experiment, "seeds-repeated", LaunchField.Seed, "seeds")]
    [InlineData(LaunchMode.Experiment, "checkpoint", LaunchField.Checkpoint, "features.checkpoint")]
    [InlineData(LaunchMode.Experiment, "layer", LaunchField.Layer, "features.layer")]
    [InlineData(LaunchMode.Experiment, "clusters", LaunchField.Clusters, "gestures.clusters")]
    [InlineData(LaunchMode.Experiment, "gamma", LaunchField.Gamma, "gestures.gamma")]
    [InlineData(LaunchMode.Experiment, "temperature", LaunchField.Temperature, "gestures.temperature")]
    [InlineData(LaunchMode.Experiment, "fit-subsample", LaunchField.FitSubsample, "gestures.fitSubsample")]
    [InlineData(LaunchMode.Experiment, "max-iterations", LaunchField.MaxIterations, "gestures.maxIterations")]
    [InlineData(LaunchMode.Experiment, "max-iterations-barycenter", LaunchField.MaxIterationsBarycenter, "gestures.maxIterationsBarycenter")]
    [InlineData(LaunchMode.Experiment, "model-width", LaunchField.ModelWidth, "model.width")]
    [InlineData(LaunchMode.Experiment, "model-heads-not-dividing", LaunchField.ModelHeads, "model.heads")]
    [InlineData(LaunchMode.Experiment, "beta", LaunchField.Beta, "anchor.beta")]
    [InlineData(LaunchMode.Experiment, "margin", LaunchField.Margin, "anchor.margin")]
    [InlineData(LaunchMode.Experiment, "epochs", LaunchField.Epochs, "training.epochs")]
    [InlineData(LaunchMode.Experiment, "batch-size", LaunchField.BatchSize, "training.batchSize")]
    [InlineData(LaunchMode.Experiment, "learning-rate", LaunchField.LearningRate, "training.learningRate")]
    [InlineData(LaunchMode.Experiment, "patience", LaunchField.Patience, "training.patience")]
    public void Each_fields_problem_lands_beside_that_field(LaunchMode mode, string broken, LaunchField field, string path)
    {
        var form = Form(mode);
        Break(form, broken);
        var view = LaunchView.Of(form);

        Assert.False(view.CanLaunch);
        Assert.Empty(view.Unowned);
        Assert.Equal([field], view.ByField.Keys);
        Assert.All(view.For(field), p => Assert.Equal(field, LaunchFields.Owner(p)));
        Assert.Contains(view.For(field), p => LaunchFields.PathOf(p) == path);
    }

    private static void Break(LaunchForm form, string field)
    {
        switch (field)
        {
            case "id": form.Name = "not an id!"; break;
            case "name": form.Name = "Not-A-Name"; break;
            case "source": form.Source = ""; break;
            case "same-corpora": form.Target = form.Source; break;
            case "task": form.Task = "sleepiness"; break;
            case "tasks": form.Tasks = []; break;
            case "method": form.Method = (TrainingMethod)42; break;
            case "methods": form.Methods = []; break;
            case "seed": form.Seed = -1; break;
            case "seeds-empty": form.SeedsText = " "; break;
            case "seeds-text": form.SeedsText = "0, one"; break;
            case "seeds-negative": form.SeedsText = "0, -3"; break;
            case "seeds-repeated": form.SeedsText = "1, 1"; break;
            case "checkpoint": form.Extractor = FeatureExtractorKind.Wav2Vec2; form.Checkpoint = " "; break;
            case "layer": form.Extractor = FeatureExtractorKind.Wav2Vec2; form.Checkpoint = "/models/wav2vec2-base"; form.Layer = "middle"; break;
            case "extractor": form.Extractor = (FeatureExtractorKind)9; break;
            case "normalization": form.Normalization = (FeatureNormalization)9; break;
            case "clusters": form.Clusters = 1; break;
            case "gamma": form.Gamma = 0; break;
            case "temperature": form.Temperature = -1; break;
            case "fit-subsample": form.FitSubsample = -5; break;
            case "fit-subsample-below-k": form.FitSubsample = form.Clusters - 1; break;
            case "max-iterations": form.MaxIterations = 0; break;
            case "max-iterations-barycenter": form.MaxIterationsBarycenter = -1; break;
            case "model-width": form.ModelWidth = 0; break;
            case "model-layers": form.ModelLayers = 0; break;
            case "model-heads": form.ModelHeads = 0; break;
            case "model-heads-not-dividing": form.ModelWidth = 30; form.ModelHeads = 4; break;
            case "model-feed-forward": form.ModelFeedForward = -2; break;
            case "beta": form.Beta = -0.1; break;
            case "margin": form.Margin = double.NaN; break;
            case "epochs": form.Epochs = 0; break;
            case "batch-size": form.BatchSize = 1; break;
            case "learning-rate": form.LearningRate = 0; break;
            case "patience": form.Patience = 0; break;
            default: throw new ArgumentException(field);
        }
    }

    [Fact]
    public void A_grids_settings_are_checked_before_its_corpora_are_right()
    {
        // ExperimentConfig.Problems stops at the grid's own fields; the form still shows the settings' problems.
        var form = Form(LaunchMode.Experiment);
        form.Name = "";
        form.Epochs = 0;
        var view = LaunchView.Of(form);
        Assert.NotEmpty(view.For(LaunchField.Name));
        Assert.NotEmpty(view.For(LaunchField.Epochs));
    }

    [Theory]
    [InlineData("training.epochs: must be at least 1 (got 0)", LaunchField.Epochs)]
    [InlineData("gestures.clusters: must be at least 2 (got 1)", LaunchField.Clusters)]
    [InlineData("seeds[1]: must be ≥ 0 (got -1)", LaunchField.Seed)]
    [InlineData("seeds: '3' is listed 2 times", LaunchField.Seed)]
    [InlineData("corpora[0].layout: a corpus given by path needs its layout", LaunchField.Source)]
    [InlineData("corpora[1].name: the two corpora must differ (both are 'a')", LaunchField.Target)]
    [InlineData("corpora: the corpus names make run ids longer than 100 characters", LaunchField.Source)]
    [InlineData("directions[0].target: 'iemocap' is not one of the corpora", LaunchField.Directions)]
    [InlineData("directions[0]: source and target are both 'a'", LaunchField.Directions)]
    [InlineData("tasks[2]: 'x' is not one of 4class, arousal, valence", LaunchField.Task)]
    [InlineData("features.layer: layer selection \"x\": expected a layer (6)", LaunchField.Layer)]
    [InlineData("target.name: the target must be another corpus than the source", LaunchField.Target)]
    [InlineData("gestures.maxIterations: must be at least 1 (got 0)", LaunchField.MaxIterations)]
    [InlineData("gestures.maxIterationsBarycenter: must be at least 1 (got 0)", LaunchField.MaxIterationsBarycenter)]
    [InlineData("model.heads: width 30 must divide by heads (got 4)", LaunchField.ModelHeads)]
    [InlineData("model.feedForward: must be at least 1 (got 0)", LaunchField.ModelFeedForward)]
    public void Problem_paths_map_to_their_fields(string problem, LaunchField field) => Assert.Equal(field, LaunchFields.Owner(problem));

    [Theory]
    [InlineData("model.dropout: must be in [0, 1) (got 1)")]
    [InlineData("model.hidden[1]: must be at least 1 (got 0)")]
    [InlineData("training.weightDecay: must be ≥ 0 (got -1)")]
    [InlineData("anchor.coralLayers[0]: must be an encoder layer between 1 and 2 (got 3)")]
    [InlineData("tags[0]: empty")]
    [InlineData("something went wrong")]
    public void Problems_of_fields_the_form_does_not_show_go_to_the_alert(string problem)
    {
        Assert.Null(LaunchFields.Owner(problem));
        var (byField, unowned) = LaunchFields.Assign([problem, "training.epochs: must be at least 1 (got 0)"]);
        Assert.Equal([problem], unowned);
        Assert.Equal([LaunchField.Epochs], byField.Keys);
    }

    private static LaunchForm Edited(LaunchMode mode)
    {
        var form = Form(mode);
        form.Name = mode == LaunchMode.Run ? "my-run.1" : "small-grid";
        form.Method = TrainingMethod.PaCc;
        form.Task = "valence";
        form.Seed = 7;
        form.Extractor = FeatureExtractorKind.Wav2Vec2;
        form.Checkpoint = "/models/it's here/wav2vec2-base";
        form.Layer = "3-8";
        form.Normalization = FeatureNormalization.Corpus;
        form.Clusters = 12;
        form.Gamma = 0.5;
        form.Temperature = 2.5;
        form.FitSubsample = 500;
        form.MaxIterations = 20;
        form.MaxIterationsBarycenter = 30;
        form.ModelWidth = 64;
        form.ModelLayers = 3;
        form.ModelHeads = 8;
        form.ModelFeedForward = 128;
        form.Beta = 0.35;
        form.Margin = 0.2;
        form.Epochs = 12;
        form.BatchSize = 32;
        form.LearningRate = 3e-3;
        form.Patience = 4;
        form.Methods = [TrainingMethod.AgCc, TrainingMethod.Baseline];
        form.Tasks = ["arousal", "4class"];
        form.SeedsText = "3 , 5,9";
        form.Directions = LaunchDirections.One;
        return form;
    }

    [Fact]
    public void The_run_command_writes_the_document_and_starts_it()
    {
        var form = Edited(LaunchMode.Run);
        Assert.Empty(form.Problems());
        var config = form.ToRunConfig();
        var command = LaunchCommand.Text(LaunchMode.Run, form.Document());

        var lines = command.TrimEnd('\n').Split('\n');
        Assert.Equal("cat > run.json <<'EOF'", lines[0]);
        Assert.Equal("EOF", lines[^2]);
        Assert.Equal("./agcc run start --config run.json", lines[^1]);

        var parsed = RunConfigJson.Parse(LaunchCommand.Document(command)!, "run.json");
        Assert.Equal(RunConfigJson.Write(config), RunConfigJson.Write(parsed));
        Assert.Equal(config with { Tags = parsed.Tags }, parsed);
        Assert.Equal("my-run.1", parsed.RunId());
        Assert.Equal(new FeatureSpec(FeatureExtractorKind.Wav2Vec2, "/models/it's here/wav2vec2-base", "3-8", FeatureNormalization.Corpus), parsed.Features);
        Assert.Equal(new GestureConfig(Clusters: 12, Gamma: 0.5, Temperature: 2.5, FitSubsample: 500, MaxIterations: 20, MaxIterationsBarycenter: 30), parsed.Gestures);
        Assert.Equal(new ModelConfig(Width: 64, Layers: 3, Heads: 8, FeedForward: 128), parsed.Model);
        Assert.Equal(new AnchorConfig(Beta: 0.35, Margin: 0.2), parsed.Anchor);
        Assert.Equal(new OptimizationConfig(Epochs: 12, BatchSize: 32, LearningRate: 3e-3, Patience: 4), parsed.Training);
        Assert.Equal((TrainingMethod.PaCc, "valence", 7L), (parsed.Method, parsed.Task, parsed.Seed));
    }

    [Fact]
    public void The_experiment_command_writes_the_document_and_starts_it()
    {
        var form = Edited(LaunchMode.Experiment);
        Assert.Empty(form.Problems());
        var config = form.ToExperimentConfig();
        var command = LaunchCommand.Text(LaunchMode.Experiment, form.Document());
        Assert.StartsWith("cat > experiment.json <<'EOF'\n{", command);
        Assert.EndsWith("\n}\nEOF\n./agcc experiment start --config experiment.json\n", command);

        var parsed = ExperimentConfigJson.Parse(LaunchCommand.Document(command)!, "experiment.json");
        Assert.Equal(ExperimentConfigJson.Write(config), ExperimentConfigJson.Write(parsed));
        // The grid's runs carry the model size and the clustering's iterations set in the form.
        Assert.All(parsed.Runs(), r => Assert.Equal((64, 3, 8, 128, 20, 30),
            (r.Config.Model.Width, r.Config.Model.Layers, r.Config.Model.Heads, r.Config.Model.FeedForward, r.Config.Gestures.MaxIterations, r.Config.Gestures.MaxIterationsBarycenter)));
        Assert.Equal(ExperimentConfigJson.Hash(config), ExperimentConfigJson.Hash(parsed));
        Assert.Equal(config.Runs().Select(r => r.RunId), parsed.Runs().Select(r => r.RunId));
    }

    [Theory]
    [InlineData(LaunchMode.Run)]
    [InlineData(LaunchMode.Experiment)]
    public void A_shell_running_the_command_writes_the_same_document(LaunchMode mode)
    {
        if (!File.Exists("/bin/sh")) return;
        var form = Edited(mode);
        var document = form.Document();
        var command = LaunchCommand.Text(mode, document);
        var folder = Directory.CreateTempSubdirectory("agcc-launch-");
        try
        {
            // Everything but the start command (there is no ./agcc in the folder).
            var script = string.Join("\n", command.TrimEnd('\n').Split('\n')[..^1]) + "\n";
            var shell = Process.Start(new ProcessStartInfo("/bin/sh") { WorkingDirectory = folder.FullName, RedirectStandardInput = true })!;
            shell.StandardInput.Write(script);
            shell.StandardInput.Close();
            Assert.True(shell.WaitForExit(30_000));
            Assert.Equal(0, shell.ExitCode);
            var written = File.ReadAllText(Path.Combine(folder.FullName, LaunchCommand.FileName(mode)));
            Assert.Equal(document.ReplaceLineEndings("\n").TrimEnd('\n') + "\n", written);
            if (mode == LaunchMode.Run) Assert.Equal(RunConfigJson.Write(form.ToRunConfig()), RunConfigJson.Write(RunConfigJson.Parse(written, "run.json")));
            else Assert.Equal(ExperimentConfigJson.Write(form.ToExperimentConfig()), ExperimentConfigJson.Write(ExperimentConfigJson.Parse(written, "experiment.json")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Experiment_mode_builds_the_grid_of_the_chosen_methods_tasks_and_seeds()
    {
        var grid = Edited(LaunchMode.Experiment).ToExperimentConfig();
        Assert.Equal("small-grid", grid.Name);
        Assert.Equal(["crema-d", "msp-improv"], grid.Corpora.Select(c => c.Name));
        Assert.Equal([TrainingMethod.Baseline, TrainingMethod.AgCc], grid.Methods);
        Assert.Equal(["4class", "arousal"], grid.Tasks);
        Assert.Equal([3L, 5L, 9L], grid.Seeds);
        Assert.Equal([new ExperimentDirection("crema-d", "msp-improv")], grid.Directions!);
        Assert.Equal(12, grid.Training.Epochs);
        Assert.Equal(12, grid.Gestures.Clusters);

        var runs = grid.Runs();
        Assert.Equal(2 * 2 * 3, runs.Count);
        Assert.Equal(runs.Count, runs.Select(r => r.RunId).Distinct().Count());
        Assert.All(runs, r => Assert.Equal(("crema-d", "msp-improv"), (r.Config.Source.Name, r.Config.Target.Name)));
        Assert.Equal([3L, 5L, 9L], runs.Select(r => r.Seed).Distinct().Order());
        Assert.Equal(["4class", "arousal"], runs.Select(r => r.Config.Task).Distinct().Order());
        Assert.Equal([TrainingMethod.Baseline, TrainingMethod.AgCc], runs.Select(r => r.Config.Method).Distinct().Order());

        var both = Edited(LaunchMode.Experiment);
        both.Directions = LaunchDirections.Both;
        Assert.Null(both.ToExperimentConfig().Directions);
        Assert.Equal(2 * 2 * 3 * 2, both.ToExperimentConfig().Runs().Count);
    }

    [Fact]
    public void Log_mel_leaves_the_checkpoint_and_layer_out()
    {
        var form = Edited(LaunchMode.Run);
        form.Extractor = FeatureExtractorKind.LogMel;
        Assert.Equal(new FeatureSpec(FeatureExtractorKind.LogMel, null, null, FeatureNormalization.Corpus), form.ToRunConfig().Features);
        Assert.Empty(form.Problems());

        form.Extractor = FeatureExtractorKind.Wav2Vec2;
        form.Layer = " ";
        Assert.Null(form.ToRunConfig().Features.Layer);
    }
}
