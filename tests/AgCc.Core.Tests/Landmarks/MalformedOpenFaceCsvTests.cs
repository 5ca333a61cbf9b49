using AgCc.Core.Formats;
using AgCc.Core.Landmarks;
using static AgCc.Core.Tests.Landmarks.OpenFaceTestFiles;

namespace AgCc.Core.Tests.Landmarks;

/// <summary>
/// Broken variants of the full-column fixture (header on line 1, frames 1–12 on lines 2–13,
/// frame 5 on line 6 without success, frame 8 on line 9 with confidence 0.55). Each must be an
/// <see cref="InputException"/> naming the file, the line and the column.
/// </summary>
[Trait("Category", Categories.Unit)]
public class MalformedOpenFaceCsvTests
{
    private const string Name = "S01/clip.csv";

    private static Table Fixture() => new(File.ReadAllText(OpenFaceTestFiles.Fixture("full_columns.csv")));

    private static string Broken(string @case) => @case switch
    {
        "NaN cell" => Fixture().Set(3, "x_51", "nan").ToString(),
        "empty cell" => Fixture().Set(4, "y_60", "").ToString(),
        "missing x_51 column" => Fixture().RemoveColumn("x_51").ToString(),
        "truncated row" => Fixture().Truncate(7, 400).ToString(),
        "non-numeric confidence" => Fixture().Set(5, "confidence", "high").ToString(),
        "non-increasing timestamp" => Fixture().Set(8, "timestamp", "0.167").ToString(),
        "empty file" => "",
        "blank file" => "\n  \r\n\n",
        "header only" => File.ReadAllText(OpenFaceTestFiles.Fixture("full_columns.csv")).Split('\n')[0] + "\n",
        "success not 0 or 1" => Fixture().Set(10, "success", "2").ToString(),
        "extra cell" => Fixture().Set(9, "AU45_c", "0.0, 1.0").ToString(),
        "fractional frame" => Fixture().Set(2, "frame", "1.5").ToString(),
        "decreasing frame" => Fixture().Set(4, "frame", "2").ToString(),
        "infinite landmark" => Fixture().Set(12, "x_33", "-Infinity").ToString(),
        "NaN in a low-confidence frame that claims success" => Fixture().Set(9, "y_67", "NaN").ToString(),
        _ => throw new ArgumentOutOfRangeException(nameof(@case)),
    };

    [Theory]
    [InlineData("NaN cell", "line 3, column x_51", "'nan'")]
    [InlineData("empty cell", "line 4, column y_60", "empty cell")]
    [InlineData("missing x_51 column", "line 1", "x_51")]
    [InlineData("truncated row", "line 7, column y_33", "ends after 400 cells")]
    [InlineData("non-numeric confidence", "line 5, column confidence", "'high' is not a number")]
    [InlineData("non-increasing timestamp", "line 8, column timestamp", "0.167 is not after 0.167 (line 7)")]
    [InlineData("empty file", "line 1", "empty")]
    [InlineData("blank file", "line 1", "empty")]
    [InlineData("header only", "line 2", "no rows")]
    [InlineData("success not 0 or 1", "line 10, column success", "expected 0 or 1")]
    [InlineData("extra cell", "line 9", "715 cells")]
    [InlineData("fractional frame", "line 2, column frame", "not a whole number")]
    [InlineData("decreasing frame", "line 4, column frame", "frame 2 is not after frame 2 (line 3)")]
    [InlineData("infinite landmark", "line 12, column x_33", "not finite")]
    [InlineData("NaN in a low-confidence frame that claims success", "line 9, column y_67", "'NaN'")]
    public void Malformed_input_names_file_line_and_column(string @case, string location, string problem)
    {
        var e = Assert.Throws<InputException>(() => ReadText(Broken(@case), Name));

        Assert.Equal(Name, e.File);
        Assert.Equal(location, e.Location);
        Assert.Contains(problem, e.Problem);
        Assert.StartsWith($"{Name}: {location}: ", e.Message);
    }

    [Fact]
    public void The_truncated_row_is_not_mistaken_for_a_missing_value()
    {
        var e = Assert.Throws<InputException>(() => ReadText(Fixture().Truncate(7, 360).ToString(), Name));

        Assert.Equal($"line 7, column {OpenFaceColumns.Names[360]}", e.Location);
        Assert.Contains("the header has 714", e.Problem);
    }

    [Fact]
    public void Landmarks_of_a_frame_without_success_are_not_checked()
    {
        // Line 6 (frame 5) has success 0: OpenFace's zeros, or anything else, are not used.
        var text = Fixture().Set(6, "x_51", "nan").Set(6, "y_60", "").ToString();

        Assert.Equal(12, ReadText(text, Name).FrameCount);
    }

    [Fact]
    public void A_missing_file_is_the_usual_IO_error()
    {
        Assert.Throws<FileNotFoundException>(() => OpenFaceCsvReader.Read(Path.Combine(Path.GetTempPath(), $"agcc-missing-{Guid.NewGuid():N}.csv")));
    }

    [Fact]
    public void A_named_face_that_is_not_in_the_file_is_reported()
    {
        var e = Assert.Throws<InputException>(() =>
            OpenFaceCsvReader.Read(OpenFaceTestFiles.Fixture("multi_face.csv"), new OpenFaceReadOptions { FaceId = 7 }));

        Assert.Equal("column face_id", e.Location);
        Assert.Contains("face_id 0, 1", e.Problem);
    }

    [Fact]
    public void Many_missing_columns_are_summarised()
    {
        var table = Fixture();
        for (var l = 48; l < 68; l++) table.RemoveColumn($"x_{l}");

        var e = Assert.Throws<InputException>(() => ReadText(table.ToString(), Name));

        Assert.Contains("x_48, x_49", e.Problem);
        Assert.Contains("(20 columns)", e.Problem);
    }
}
