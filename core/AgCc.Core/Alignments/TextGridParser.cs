using AgCc.Core.Formats;

namespace AgCc.Core.Alignments;

/// <summary>
/// The grammar of a TextGrid `ooTextFile` over <see cref="TextGridTokenizer"/>'s values (the
/// long and the short form alike), with the checks every use needs: time domains with
/// xmin &lt; xmax, tiers inside the file's domain, intervals inside their tier, ordered and not
/// overlapping, points inside their tier and ordered, counts that match what follows. Times are
/// compared with <see cref="TextGridReader.Tolerance"/>.
/// </summary>
internal sealed class TextGridParser
{
    private const double Tol = TextGridReader.Tolerance;
    private readonly string _file;
    private readonly TextGridTokenizer _tokens;

    private TextGridParser(string text, string file)
    {
        _file = file;
        _tokens = new TextGridTokenizer(text, file);
    }

    public static TextGridSource Parse(string text, string file)
    {
        CheckHeader(text, file);
        return new TextGridParser(text, file).ParseGrid();
    }

    // Praat itself insists on this first line, which is what tells a TextGrid from any other file.
    private static void CheckHeader(string text, string file)
    {
        if (text.StartsWith("File type = \"ooTextFile", StringComparison.Ordinal)) return;
        if (text.StartsWith("\"Praat chronological TextGrid text file\"", StringComparison.Ordinal))
            throw new InputException(file, "line 1",
                "a chronological TextGrid is not supported; save it from Praat as a (short) text file");
        if (text.StartsWith("ooBinaryFile", StringComparison.Ordinal))
            throw new InputException(file, "line 1",
                "a binary Praat file is not supported; save it from Praat as a (short) text file");
        var firstLine = text.AsSpan(0, Math.Min(text.Length, 60));
        var end = firstLine.IndexOfAny('\r', '\n');
        if (end >= 0) firstLine = firstLine[..end];
        throw new InputException(file, "line 1",
            $"not a Praat text file: expected File type = \"ooTextFile\", found '{firstLine}'");
    }

    private TextGridSource ParseGrid()
    {
        var fileType = Expect(TextGridTokenKind.String, "the file type");
        if (fileType.Text is not ("ooTextFile" or "ooTextFile short"))
            throw Error(fileType.Line, $"file type \"{fileType.Text}\" is not \"ooTextFile\"");
        var objectClass = Expect(TextGridTokenKind.String, "the object class");
        if (objectClass.Text != "TextGrid")
            throw Error(objectClass.Line, $"object class \"{objectClass.Text}\" is not \"TextGrid\"");

        var wordsBefore = _tokens.WordsSkipped;
        var xmin = Expect(TextGridTokenKind.Number, "the file's xmin");
        // The long form labels its values (`xmin = 0`); the short form never has a bare word.
        _tokens.RejectWords = _tokens.WordsSkipped == wordsBefore;
        var xmax = Expect(TextGridTokenKind.Number, "the file's xmax");
        if (!(xmax.Number > xmin.Number))
            throw Error(xmax.Line, $"the file's xmax {Show(xmax.Number)} is not greater than its xmin {Show(xmin.Number)}");

        var flag = Expect(TextGridTokenKind.Flag, "<exists> or <absent> (whether there are tiers)");
        var tierCount = 0;
        var tierCountLine = flag.Line;
        if (flag.Text == "exists")
        {
            var count = ExpectCount("the number of tiers");
            tierCount = count.Count;
            tierCountLine = count.Line;
        }
        else if (flag.Text != "absent")
            throw Error(flag.Line, $"expected <exists> or <absent>, found <{flag.Text}>");

        var tiers = new List<TextGridTier>(Math.Min(tierCount, 64));
        var tierLines = new List<int>(tiers.Capacity);
        (string Name, string Entries, int Count, int CountLine)? previous = null;
        for (var i = 1; i <= tierCount; i++)
        {
            var tierClass = NextToken();
            if (tierClass.Kind != TextGridTokenKind.String)
                throw tierClass.Kind switch
                {
                    TextGridTokenKind.End => Unexpected(tierClass.Line,
                        $"the file ends where tier {i} of the {tierCount} declared at line {tierCountLine} should start"),
                    TextGridTokenKind.Number when previous is { } last => Unexpected(tierClass.Line, TooMany(last)),
                    _ => Unexpected(tierClass.Line, $"expected the class of tier {i}, found {tierClass.Describe()}"),
                };
            var (tier, countLine) = tierClass.Text switch
            {
                "IntervalTier" => ParseIntervalTier(i, xmin.Number, xmax.Number),
                "TextTier" => ParseTextTier(i, xmin.Number, xmax.Number),
                _ => throw Unexpected(tierClass.Line,
                    $"tier {i} has class \"{tierClass.Text}\"; expected \"IntervalTier\" or \"TextTier\""),
            };
            tiers.Add(tier);
            tierLines.Add(tierClass.Line);
            previous = tier is IntervalTier it
                ? (tier.Name, "intervals", it.Intervals.Count, countLine)
                : (tier.Name, "points", ((TextTier)tier).Points.Count, countLine);
        }

        var rest = NextToken();
        if (rest.Kind != TextGridTokenKind.End)
            throw rest.Kind switch
            {
                TextGridTokenKind.Number when previous is { } last => Unexpected(rest.Line, TooMany(last)),
                TextGridTokenKind.String when rest.Text is "IntervalTier" or "TextTier" => Unexpected(rest.Line,
                    $"another tier follows the {tierCount} declared at line {tierCountLine}"),
                _ => Unexpected(rest.Line, $"expected the end of the file, found {rest.Describe()}"),
            };
        return new TextGridSource(new TextGrid(xmin.Number, xmax.Number, tiers), tierCountLine, tierLines);
    }

    private (string Name, double XMin, double XMax, int Count, int CountLine) ParseTierHeader(
        int index, double fileXMin, double fileXMax, string entries)
    {
        var name = Expect(TextGridTokenKind.String, $"the name of tier {index}").Text;
        var xmin = Expect(TextGridTokenKind.Number, $"the xmin of tier \"{name}\"");
        if (xmin.Number < fileXMin - Tol)
            throw Error(xmin.Line, $"tier \"{name}\" starts at {Show(xmin.Number)}, before the file's xmin {Show(fileXMin)}");
        var xmax = Expect(TextGridTokenKind.Number, $"the xmax of tier \"{name}\"");
        if (!(xmax.Number > xmin.Number))
            throw Error(xmax.Line, $"tier \"{name}\" has xmax {Show(xmax.Number)}, not greater than its xmin {Show(xmin.Number)}");
        if (xmax.Number > fileXMax + Tol)
            throw Error(xmax.Line, $"tier \"{name}\" ends at {Show(xmax.Number)}, after the file's xmax {Show(fileXMax)}");
        var count = ExpectCount($"the number of {entries} of tier \"{name}\"");
        return (name, xmin.Number, xmax.Number, count.Count, count.Line);
    }

    private static string TooMany((string Name, string Entries, int Count, int CountLine) tier) =>
        $"tier \"{tier.Name}\" has more {tier.Entries} than the {tier.Count} declared at line {tier.CountLine}";

    private (TextGridTier, int CountLine) ParseIntervalTier(int index, double fileXMin, double fileXMax)
    {
        var (name, tierXMin, tierXMax, count, countLine) = ParseTierHeader(index, fileXMin, fileXMax, "intervals");
        var intervals = new List<Interval>(Math.Min(count, 4096));
        for (var k = 1; k <= count; k++)
        {
            var where = new Place("interval", k, name);
            var start = ExpectEntry(where, count, countLine, "intervals");
            if (start.Number < tierXMin - Tol)
                throw Error(start.Line, $"{where} starts at {Show(start.Number)}, before the tier's xmin {Show(tierXMin)}");
            if (intervals.Count > 0)
            {
                var prev = intervals[^1];
                if (start.Number < prev.Start)
                    throw Error(start.Line,
                        $"{where} starts at {Show(start.Number)}, before interval {k - 1} starts ({Show(prev.Start)}): intervals out of order");
                if (start.Number < prev.End - Tol)
                    throw Error(start.Line,
                        $"{where} starts at {Show(start.Number)}, before interval {k - 1} ends ({Show(prev.End)}): intervals overlap");
            }
            var end = Expect(TextGridTokenKind.Number, "the xmax", where);
            if (!(end.Number > start.Number))
                throw Error(end.Line, $"{where} has xmax {Show(end.Number)}, not greater than its xmin {Show(start.Number)}");
            if (end.Number > tierXMax + Tol)
                throw Error(end.Line, $"{where} ends at {Show(end.Number)}, after the tier's xmax {Show(tierXMax)}");
            var text = Expect(TextGridTokenKind.String, "the text", where);
            intervals.Add(new Interval(start.Number, end.Number, text.Text));
        }
        return (new IntervalTier(name, tierXMin, tierXMax, intervals), countLine);
    }

    private (TextGridTier, int CountLine) ParseTextTier(int index, double fileXMin, double fileXMax)
    {
        var (name, tierXMin, tierXMax, count, countLine) = ParseTierHeader(index, fileXMin, fileXMax, "points");
        var points = new List<TextPoint>(Math.Min(count, 4096));
        for (var k = 1; k <= count; k++)
        {
            var where = new Place("point", k, name);
            var time = ExpectEntry(where, count, countLine, "points");
            if (time.Number < tierXMin - Tol || time.Number > tierXMax + Tol)
                throw Error(time.Line,
                    $"{where} is at {Show(time.Number)}, outside the tier's domain [{Show(tierXMin)}, {Show(tierXMax)}]");
            if (points.Count > 0 && time.Number < points[^1].Time - Tol)
                throw Error(time.Line,
                    $"{where} is at {Show(time.Number)}, before point {k - 1} ({Show(points[^1].Time)}): points out of order");
            var mark = Expect(TextGridTokenKind.String, "the mark", where);
            points.Add(new TextPoint(time.Number, mark.Text));
        }
        return (new TextTier(name, tierXMin, tierXMax, points), countLine);
    }

    // The first value of an entry is where a wrong count shows: the next tier, or the end, comes early.
    private TextGridToken ExpectEntry(Place where, int count, int countLine, string entries)
    {
        var token = NextToken();
        return token.Kind switch
        {
            TextGridTokenKind.Number => token,
            TextGridTokenKind.End => throw Unexpected(token.Line,
                $"the file ends where {where} should start ({count} {entries} declared at line {countLine}): truncated file or wrong count"),
            TextGridTokenKind.String when token.Text is "IntervalTier" or "TextTier" => throw Unexpected(token.Line,
                $"tier \"{where.Tier}\" has {where.Index - 1} {entries}, fewer than the {count} declared at line {countLine}"),
            _ => throw Unexpected(token.Line, $"expected the start of {where} (a number), found {token.Describe()}"),
        };
    }

    private (int Count, int Line) ExpectCount(string what)
    {
        var token = Expect(TextGridTokenKind.Number, what);
        if (token.Number < 0 || token.Number > int.MaxValue || token.Number != Math.Floor(token.Number))
            throw Error(token.Line, $"{what} is {Show(token.Number)}; expected a whole number");
        return ((int)token.Number, token.Line);
    }

    private TextGridToken Expect(TextGridTokenKind kind, string part, Place where)
    {
        var token = NextToken();
        return token.Kind == kind ? token : throw WrongKind(token, kind, $"{part} of {where}");
    }

    private TextGridToken Expect(TextGridTokenKind kind, string what)
    {
        var token = NextToken();
        return token.Kind == kind ? token : throw WrongKind(token, kind, what);
    }

    private InputException WrongKind(TextGridToken token, TextGridTokenKind kind, string what)
    {
        var expected = kind switch
        {
            TextGridTokenKind.Number => "a number",
            TextGridTokenKind.String => "a quoted string",
            _ => "a <flag>",
        };
        if (token.Kind == TextGridTokenKind.End)
            return Unexpected(token.Line, $"the file ends where {what} ({expected}) should be: truncated file");
        return Unexpected(token.Line, $"expected {what} ({expected}), found {token.Describe()}");
    }

    private TextGridToken NextToken() => _tokens.Next();

    private InputException Error(int line, string problem) => new(_file, $"line {line}", problem);

    // A value of the wrong kind. Just after a string that ran over lines, the likelier cause is
    // that string's missing closing quote, so the error points there.
    private InputException Unexpected(int line, string problem) =>
        _tokens.LastMultiLineString is var (opened, closed) && opened < line && line - closed <= 3
            ? Error(opened, $"the string opened here runs over several lines: is its closing quote missing? " +
                $"(then at line {line}: {problem})")
            : Error(line, problem);

    private static string Show(double value) => PraatNumber.Format(value);

    /// <summary>An interval or point, named in error messages only when one is thrown.</summary>
    private readonly record struct Place(string Entry, int Index, string Tier)
    {
        public override string ToString() => $"{Entry} {Index} of tier \"{Tier}\"";
    }
}
