using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Layouts;
using AgCc.Grains.Corpora;

namespace AgCc.Grains.Tests;

[Trait("Category", Categories.Grain)]
[Collection(ClusterCollection.Name)]
public class CorpusGrainTests(ClusterFixture fixture)
{
    private static string UniqueName(string stem) => $"{stem}-{Guid.NewGuid():N}"[..30];

    [Fact]
    public async Task A_registered_corpus_is_listed_with_its_layout_and_path()
    {
        var name = UniqueName("crema");
        var added = await fixture.Client.AddCorpusAsync(name, CorpusLayout.CremaD, "/data/crema-d");

        Assert.Equal(new CorpusRegistration(CorpusLayout.CremaD, "/data/crema-d"), new CorpusRegistration(added.Layout, added.Path));
        var listed = Assert.Single(await fixture.Client.ListCorporaAsync(), c => c.Name == name);
        Assert.Equal(added, listed);
    }

    [Fact]
    public async Task Registering_the_same_corpus_again_changes_nothing()
    {
        var name = UniqueName("msp");
        var first = await fixture.Client.AddCorpusAsync(name, CorpusLayout.MspImprov, "/data/msp");
        var second = await fixture.Client.AddCorpusAsync(name, CorpusLayout.MspImprov, "/data/msp");

        Assert.Equal(first, second); // same registration time: nothing was rewritten
        Assert.Single(await fixture.Client.ListCorporaAsync(), c => c.Name == name);
    }

    [Fact]
    public async Task A_name_cannot_be_reused_for_another_corpus()
    {
        var name = UniqueName("taken");
        await fixture.Client.AddCorpusAsync(name, CorpusLayout.CremaD, "/data/a");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => fixture.Client.AddCorpusAsync(name, CorpusLayout.Manifest, "/data/b"));
        Assert.Contains($"corpus '{name}' is already registered as crema-d at /data/a", error.Message);
        Assert.Equal("/data/a", (await fixture.Client.GetCorpusAsync(name))!.Path);
    }

    [Fact]
    public async Task Invalid_registrations_are_refused_with_the_reason()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Client.AddCorpusAsync("Not A Name", CorpusLayout.CremaD, "/x"));

        // Straight to the grain, past the client's own checks: the grain validates too.
        var grain = fixture.Cluster.Client.GetGrain<ICorpusGrain>("Bad_Key");
        var badKey = await Assert.ThrowsAsync<ArgumentException>(() => grain.Register(new CorpusRegistration(CorpusLayout.CremaD, "/x")));
        Assert.Contains("'Bad_Key'", badKey.Message);

        var emptyPath = await Assert.ThrowsAsync<ArgumentException>(
            () => fixture.Client.AddCorpusAsync(UniqueName("nopath"), CorpusLayout.CremaD, " "));
        Assert.Contains("path is empty", emptyPath.Message);

        var badLayout = await Assert.ThrowsAsync<ArgumentException>(
            () => fixture.Client.AddCorpusAsync(UniqueName("layout"), (CorpusLayout)42, "/x"));
        Assert.Contains("unknown layout", badLayout.Message);
    }

    [Fact]
    public async Task Crowd_vote_labels_are_kept_for_crema_d_and_refused_for_other_layouts()
    {
        var name = UniqueName("votes");
        var added = await fixture.Client.AddCorpusAsync(name, CorpusLayout.CremaD, "/data/crema-d", cremaLabels: CremaDLabelSource.VoiceVote);
        Assert.Equal(CremaDLabelSource.VoiceVote, added.CremaLabels);

        // Another label source is another corpus: the name cannot be reused for it.
        await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Client.AddCorpusAsync(name, CorpusLayout.CremaD, "/data/crema-d"));
        var wrongLayout = await Assert.ThrowsAsync<ArgumentException>(
            () => fixture.Client.AddCorpusAsync(UniqueName("msp"), CorpusLayout.MspImprov, "/data/msp", cremaLabels: CremaDLabelSource.FaceVote));
        Assert.Contains("only for the crema-d layout", wrongLayout.Message);
    }

    [Fact]
    public async Task An_unknown_corpus_has_no_info_and_is_not_listed()
    {
        var name = UniqueName("ghost");
        Assert.Null(await fixture.Client.GetCorpusAsync(name));
        Assert.DoesNotContain(await fixture.Client.ListCorporaAsync(), c => c.Name == name);
    }

    [Fact]
    public async Task Registration_survives_deactivation()
    {
        var name = UniqueName("durable");
        var added = await fixture.Client.AddCorpusAsync(name, CorpusLayout.Manifest, "/data/m.csv");

        var grain = fixture.Cluster.Client.GetGrain<ICorpusGrain>(name);
        await fixture.Cluster.DeactivateAsync(grain);

        Assert.Equal(added, await fixture.Client.GetCorpusAsync(name));
    }
}
