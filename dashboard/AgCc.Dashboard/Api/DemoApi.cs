using AgCc.Client.Api;
using AgCc.Core.Corpora;
using AgCc.Core.Synthesis;
using AgCc.Core.Training.Config;
using Microsoft.Extensions.Options;

namespace AgCc.Dashboard.Api;

/// <summary>
/// /api/v1/demo/corpora: writes the built-in synthetic corpus pair (the one `agcc demo` uses, same
/// preset and seed) where the local stack's silos read it, once, and answers the two corpus
/// references a run config names as source and target, so a script on a fresh stack can launch a
/// run without files of its own. The run ingests them itself.
/// </summary>
public static class DemoApi
{
    private const int Seed = 0;
    private static readonly SemaphoreSlim Writing = new(1, 1);

    public static RouteGroupBuilder MapDemoApi(this RouteGroupBuilder api)
    {
        api.MapPost("/demo/corpora", WriteAsync).WithTags("demo").WithName("writeDemoCorpora")
            .WithSummary("Write the synthetic demo corpus pair (once) and answer its source and target references").Produces<DemoCorpora>();
        return api;
    }

    public static async Task<IResult> WriteAsync(IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(options.Value.DemoData ?? DefaultFolder());
        await Writing.WaitAsync(cancellationToken);
        try
        {
            // The marker of the second corpus is written last: present, the pair is complete.
            if (!File.Exists(Path.Combine(root, SyntheticCorpora.MspImprovFolder, SyntheticCorpora.MarkerFile)))
                await Task.Run(() => SyntheticCorpora.Write(root, SynthesisPreset.Demo, Seed, cancellationToken: cancellationToken), cancellationToken);
        }
        finally
        {
            Writing.Release();
        }
        return Results.Ok(new DemoCorpora(root,
            new CorpusReference(SyntheticCorpora.CremaDFolder, CorpusLayout.CremaD, Path.Combine(root, SyntheticCorpora.CremaDFolder)),
            new CorpusReference(SyntheticCorpora.MspImprovFolder, CorpusLayout.MspImprov, Path.Combine(root, SyntheticCorpora.MspImprovFolder))));
    }

    private static string DefaultFolder() =>
        Environment.GetEnvironmentVariable("AGCC_HOME") is { Length: > 0 } home
            ? Path.Combine(home, "demo", "synth")
            : Path.Combine(Path.GetTempPath(), "agcc-demo", "synth");
}
