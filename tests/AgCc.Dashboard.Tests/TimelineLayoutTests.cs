using AgCc.Dashboard.Corpora;
using AgCc.Grains.Corpora;

namespace AgCc.Dashboard.Tests;

[Trait("Category", "Unit")]
public class TimelineLayoutTests
{
    [Fact]
    public void The_span_covers_the_audio_the_alignment_and_the_frames()
    {
        Assert.Equal(2.0, TimelineLayout.Span(2.0, [new PhoneSpan(0.1, 1.5, "a")], [0, 1.9]));
        Assert.Equal(2.5, TimelineLayout.Span(2.0, [new PhoneSpan(0.1, 2.5, "a")], [0]));
        Assert.Equal(1.0, TimelineLayout.Span(0, [], []));
    }

    [Fact]
    public void Boxes_are_proportional_to_time_and_silences_are_left_out()
    {
        var boxes = TimelineLayout.Boxes([new PhoneSpan(0, 0.5, ""), new PhoneSpan(0.5, 1.0, "HH"), new PhoneSpan(1.0, 1.02, "AH1")], span: 2.0);
        Assert.Equal(2, boxes.Count);
        Assert.Equal(new TimelineBox(250, 250, "HH", 0.5, 1.0, ShowLabel: true), boxes[0]);
        Assert.Equal(500, boxes[1].X, 6);
        Assert.Equal(10, boxes[1].Width, 6);
        Assert.False(boxes[1].ShowLabel);
    }

    [Theory]
    [InlineData(1.0, 0.1, 11)]
    [InlineData(2.6, 0.25, 11)]
    [InlineData(5.0, 0.5, 11)]
    [InlineData(30.0, 5, 7)]
    public void Ticks_fall_on_round_steps(double span, double step, int count)
    {
        var ticks = TimelineLayout.Ticks(span);
        Assert.Equal(count, ticks.Count);
        Assert.Equal(0, ticks[0]);
        Assert.Equal(step, ticks[1], 6);
    }

    [Theory]
    [InlineData("AH1", true)]
    [InlineData("OW0", true)]
    [InlineData("OW", true)]
    [InlineData("JH", false)]
    [InlineData("HH", false)]
    [InlineData("", false)]
    public void Vowels_carry_a_stress_digit(string phone, bool vowel) => Assert.Equal(vowel, TimelineLayout.IsVowel(phone));
}
