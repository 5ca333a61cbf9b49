using AgCc.Core.Synthesis;

namespace AgCc.Core.Tests.Synthesis;

[Trait("Category", Categories.Unit)]
public sealed class FftTests
{
    [Fact]
    public void Fast_convolution_equals_direct_convolution()
    {
        var rng = new Prng(5);
        var signal = Enumerable.Range(0, 3000).Select(_ => rng.Gaussian()).ToArray();
        var kernel = Enumerable.Range(0, 700).Select(i => rng.Gaussian() * Math.Exp(-i / 150.0)).ToArray();
        var fast = Fft.Convolve(signal, kernel);
        Assert.Equal(signal.Length, fast.Length);
        for (var t = 0; t < signal.Length; t += 37)
        {
            var direct = 0.0;
            for (var j = 0; j <= Math.Min(t, kernel.Length - 1); j++) direct += kernel[j] * signal[t - j];
            Assert.Equal(direct, fast[t], 9);
        }
    }

    [Fact]
    public void The_real_transform_matches_the_complex_one_and_inverts()
    {
        var rng = new Prng(6);
        const int n = 256;
        var x = Enumerable.Range(0, n).Select(_ => rng.Gaussian()).ToArray();
        var re = new double[n / 2 + 1];
        var im = new double[n / 2 + 1];
        Fft.RealForward(x, re, im);
        var cre = (double[])x.Clone();
        var cim = new double[n];
        Fft.Transform(cre, cim, inverse: false);
        for (var k = 0; k <= n / 2; k++)
        {
            Assert.Equal(cre[k], re[k], 9);
            Assert.Equal(cim[k], im[k], 9);
        }
        var back = new double[n];
        Fft.RealInverse(re, im, back);
        for (var i = 0; i < n; i++) Assert.Equal(x[i], back[i], 9);
    }
}
