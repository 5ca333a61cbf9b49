using AgCc.Core.Formats;
using AgCc.Core.Gestures;

namespace AgCc.Core.Tests.Gestures;

/// <summary>The time-series CSV: round trip, series_id order, and errors that name line and column.</summary>
[Trait("Category", Categories.Unit)]
public class TimeSeriesCsvTests
{
    private static TimeSeriesSet Parse(string text) => TimeSeriesCsv.Read(new StringReader(text), "x.csv");

    [Fact]
    public void Writing_then_reading_gives_the_same_values_bit_for_bit()
    {
        var series = new[] { new TimeSeries(2, 3, [0.1, -2.5e-17, 1.0 / 3, 4, 5, 6]), new TimeSeries(1, 3, [Math.PI, double.Epsilon, -0.0]) };
        var writer = new StringWriter();
        TimeSeriesCsv.Write(writer, ["7", "12"], series);
        var read = Parse(writer.ToString());
        Assert.Equal(["7", "12"], read.Ids);
        Assert.Equal(3, read.Dimensions);
        for (var s = 0; s < 2; s++) Assert.Equal(series[s].Values, read.Series[s].Values);
    }

    [Fact]
    public void Series_come_back_in_numeric_id_order_and_may_interleave()
    {
        var read = Parse("series_id,frame,f0\n10,0,1\n9,0,2\n10,1,3\n9,1,4\n9,2,5\n");
        Assert.Equal(["9", "10"], read.Ids);
        Assert.Equal([2.0, 4, 5], read.Series[0].Values);
        Assert.Equal([1.0, 3], read.Series[1].Values);
        Assert.Equal(3, read.MaxLength);
    }

    [Fact]
    public void Non_numeric_ids_sort_ordinally()
    {
        var read = Parse("series_id,frame,f0\nb,0,1\na,0,2\n");
        Assert.Equal(["a", "b"], read.Ids);
    }

    [Theory]
    [InlineData("", "line 1")]
    [InlineData("id,frame,f0\n", "line 1")]
    [InlineData("series_id,frame,f0,f2\n", "line 1, column 4")]
    [InlineData("series_id,frame,f0\n1,0,abc\n", "line 2, column f0")]
    [InlineData("series_id,frame,f0\n1,0,1\n1,2,1\n", "line 3, column frame")]
    [InlineData("series_id,frame,f0\n1,0,1,2\n", "line 2")]
    [InlineData("series_id,frame,f0\n1,x,1\n", "line 2, column frame")]
    [InlineData("series_id,frame,f0\n1,0,NaN\n", "line 2, column f0")]
    public void Bad_input_names_file_line_and_column(string text, string location)
    {
        var e = Assert.Throws<InputException>(() => Parse(text));
        Assert.Equal("x.csv", e.File);
        Assert.Equal(location, e.Location);
    }

    [Fact]
    public void A_header_without_rows_is_an_error()
    {
        var e = Assert.Throws<InputException>(() => Parse("series_id,frame,f0\n"));
        Assert.Contains("no series", e.Problem);
    }
}
