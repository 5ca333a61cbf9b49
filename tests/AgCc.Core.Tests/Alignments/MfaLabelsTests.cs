using AgCc.Core.Alignments;

namespace AgCc.Core.Tests.Alignments;

[Trait("Category", Categories.Unit)]
public class MfaLabelsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("sil")]
    [InlineData("SIL")]
    [InlineData("sp")]
    [InlineData("spn")]
    [InlineData(" sp ")]
    public void Silences(string label) => Assert.True(MfaLabels.IsSilence(label));

    [Theory]
    [InlineData("AH0")]
    [InlineData("S")]
    [InlineData("<unk>")]
    [InlineData("spin")]
    [InlineData("silence")]
    public void Not_silences(string label) => Assert.False(MfaLabels.IsSilence(label));

    [Theory]
    [InlineData("AH0", "AH")]
    [InlineData("AA1", "AA")]
    [InlineData("ER2", "ER")]
    [InlineData("NG", "NG")]
    [InlineData(" EY1 ", "EY")]
    [InlineData("ɪ", "ɪ")]
    [InlineData("ah0", "ah")]
    [InlineData("7", "7")]
    public void Phone_identity_drops_stress_digits_and_keeps_case(string label, string phone) =>
        Assert.Equal(phone, MfaLabels.PhoneIdentity(label));
}
