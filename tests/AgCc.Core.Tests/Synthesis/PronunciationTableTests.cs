using AgCc.Core.Synthesis;

namespace AgCc.Core.Tests.Synthesis;

[Trait("Category", Categories.Unit)]
public sealed class PronunciationTableTests
{
    public static TheoryData<string> Sentences()
    {
        var data = new TheoryData<string>();
        foreach (var s in SentenceBank.CremaD.Concat(SentenceBank.MspTargets).Concat(SentenceBank.Phrases)) data.Add(s.Text);
        return data;
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Every_word_has_an_ARPAbet_pronunciation_with_stress_digits_on_vowels_only(string text)
    {
        foreach (var word in new Sentence("x", text).Words)
        {
            var phones = PronunciationTable.Phones(word);
            Assert.NotEmpty(phones);
            Assert.Contains(phones, p => PhoneInventory.Get(p).IsVowel);
            foreach (var phone in phones)
            {
                var spec = PhoneInventory.Get(phone);
                Assert.Equal(spec.IsVowel, PhoneInventory.Stress(phone) is 0 or 1 or 2);
            }
        }
    }

    [Fact]
    public void The_sentence_banks_are_CREMA_D_s_twelve_twenty_targets_and_conversational_phrases()
    {
        Assert.Equal(
            ["IEO", "TIE", "IOM", "IWW", "TAI", "MTI", "IWL", "ITH", "DFA", "ITS", "TSI", "WSI"],
            SentenceBank.CremaD.Select(s => s.Code));
        Assert.Equal("Don't forget a jacket", SentenceBank.CremaD.Single(s => s.Code == "DFA").Text);
        foreach (var (code, text) in AgCc.Core.Corpora.Layouts.CremaDLayout.Sentences)
            Assert.Equal(text, SentenceBank.CremaD.Single(s => s.Code == code).Text);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)), SentenceBank.MspTargets.Select(s => s.Code));
        Assert.True(SentenceBank.Phrases.Count >= 10);
    }

    [Fact]
    public void The_inventory_is_the_39_ARPAbet_phones()
    {
        Assert.Equal(39, PhoneInventory.All.Count);
        Assert.Equal(15, PhoneInventory.All.Count(p => p.IsVowel));
        Assert.Equal("AA", PhoneInventory.BaseSymbol("AA1"));
        Assert.Throws<ArgumentException>(() => PhoneInventory.Get("QQ"));
        Assert.Throws<ArgumentException>(() => PronunciationTable.Phones("supercalifragilistic"));
    }
}
