using AgCc.Core.Gestures;

namespace AgCc.Core.Tests.Gestures;

[Trait("Category", Categories.Unit)]
public class TimeSeriesBinaryTests
{
    [Fact]
    public void Series_written_one_by_one_read_back_as_float32()
    {
        var writer = new TimeSeriesBinaryWriter(2, 3);
        writer.Add([1f, 2f, 3f, 4f, 5f, 6f], 2);
        writer.Add([0.1, -0.2, 0.3], 1);
        var read = TimeSeriesBinary.Read(writer.Complete(), "two");

        Assert.Equal([2, 1], read.Select(s => s.Length));
        Assert.Equal([1.0, 2, 3, 4, 5, 6], read[0].Values);
        Assert.Equal([(double)0.1f, (double)-0.2f, (double)0.3f], read[1].Values);
        Assert.Equal(TimeSeriesBinary.Write(read, 3), TimeSeriesBinary.Write([.. read.Select(s => s.Copy())], 3));
    }

    [Fact]
    public void The_announced_count_and_shapes_are_enforced()
    {
        var writer = new TimeSeriesBinaryWriter(1, 2);
        Assert.Throws<ArgumentException>(() => writer.Add([1f, 2f, 3f], 2));
        Assert.Throws<InvalidOperationException>(() => writer.Complete());
        writer.Add([1f, 2f], 1);
        Assert.Throws<InvalidOperationException>(() => writer.Add([1f, 2f], 1));
        var bytes = writer.Complete();
        Assert.Throws<InvalidDataException>(() => TimeSeriesBinary.Read(bytes[..^1], "truncated"));
    }
}
