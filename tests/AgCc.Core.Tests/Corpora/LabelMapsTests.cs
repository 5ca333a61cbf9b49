using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Labels;
using AgCc.Core.Formats;

namespace AgCc.Core.Tests.Corpora;

[Trait("Category", Categories.Unit)]
public class LabelMapsTests
{
    [Fact]
    public void The_built_in_tasks_follow_the_method()
    {
        var fourClass = LabelMaps.BuiltIn.Task("4class");
        Assert.Equal(["neutral", "anger", "happiness", "sadness"], fourClass.Classes);
        Assert.Null(fourClass.Classify(Emotion.Disgust));

        var arousal = LabelMaps.BuiltIn.Task("arousal");
        Assert.Equal(arousal.Classify(Emotion.Anger), arousal.Classify(Emotion.Happiness));
        Assert.Equal(arousal.Classify(Emotion.Neutral), arousal.Classify(Emotion.Sadness));
        Assert.NotEqual(arousal.Classify(Emotion.Anger), arousal.Classify(Emotion.Sadness));

        var valence = LabelMaps.BuiltIn.Task("valence");
        Assert.Null(valence.Classify(Emotion.Neutral));
        Assert.Equal(valence.Classify(Emotion.Anger), valence.Classify(Emotion.Sadness));
        Assert.NotEqual(valence.Classify(Emotion.Anger), valence.Classify(Emotion.Happiness));
    }

    [Fact]
    public void Corpus_codes_decode_to_emotions()
    {
        Assert.Equal(Emotion.Fear, LabelMaps.BuiltIn.Decode("crema-d", "FEA"));
        Assert.Equal(Emotion.Happiness, LabelMaps.BuiltIn.Decode("msp-improv", "H"));
        Assert.Null(LabelMaps.BuiltIn.Decode("msp-improv", "X"));
    }

    [Fact]
    public void A_task_can_be_remapped_for_one_corpus_in_a_file()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """
            { "codes": { "x": { "A": "Anger" } },
              "tasks": { "binary": { "classes": ["calm", "upset"],
                                     "default": { "Neutral": "calm", "Anger": "upset" },
                                     "corpora": { "msp-improv": { "Neutral": "calm", "Anger": "upset", "Sadness": "upset" } } } } }
            """);
        try
        {
            var maps = LabelMaps.Load(path);
            Assert.Null(maps.Task("binary").Classify(Emotion.Sadness));
            Assert.Equal(1, maps.Task("binary", "msp-improv").Classify(Emotion.Sadness));
            Assert.Throws<ArgumentException>(() => maps.Task("4class"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_bad_map_names_the_entry()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """{ "codes": {}, "tasks": { "t": { "classes": ["a", "b"], "default": { "Anger": "c" } } } }""");
        try
        {
            var error = Assert.Throws<InputException>(() => LabelMaps.Load(path));
            Assert.Equal("tasks.t.default.Anger", error.Location);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
