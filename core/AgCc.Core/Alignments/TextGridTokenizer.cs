using System.Globalization;
using System.Text;
using AgCc.Core.Formats;

namespace AgCc.Core.Alignments;

/// <summary>
/// Reads the values of an `ooTextFile` one at a time, as Praat's own text reader does: numbers,
/// quoted strings and `&lt;flags&gt;` are values; the labels of the long form (`xmin =`,
/// `intervals: size =`, `item [1]:`) are skipped, so the long and the short form give the same
/// value sequence. `[...]` indices and `!` comments to the end of the line are skipped. A bare
/// word where a value belongs (right after `=`, or anywhere once <see cref="RejectWords"/> is
/// set for the short form) comes back as <see cref="TextGridTokenKind.BadValue"/> so that the
/// error names its own line rather than the next value's.
/// </summary>
internal sealed class TextGridTokenizer(string text, string file)
{
    private int _pos;
    private int _line = 1;
    private bool _valueDue;

    /// <summary>The short form has no labels: any word there is a damaged value.</summary>
    public bool RejectWords { get; set; }

    /// <summary>How many label words have been skipped so far (the long form has some).</summary>
    public int WordsSkipped { get; private set; }

    /// <summary>
    /// Where the last string that spans lines opened and closed, if one has: legal in Praat but
    /// rare, and the usual sign of a missing closing quote when the grammar breaks just after it.
    /// A missing quote pairs every later quote wrongly, so a run of such strings, each opening
    /// within 3 lines of the previous one's close, counts as one, opened where the run began.
    /// </summary>
    public (int Opened, int Closed)? LastMultiLineString { get; private set; }

    /// <summary>The line of the last non-blank character read: where a truncated file ends.</summary>
    public int LastLine { get; private set; } = 1;

    public TextGridToken Next()
    {
        while (_pos < text.Length)
        {
            var c = text[_pos];
            switch (c)
            {
                case '\n':
                    _line++;
                    _pos++;
                    _valueDue = false;
                    continue;
                case '\r':
                    _pos++;
                    if (_pos >= text.Length || text[_pos] != '\n') _line++;
                    _valueDue = false;
                    continue;
                case ' ' or '\t' or '\f' or '\v' or '\u00A0' or '\uFEFF':
                    _pos++;
                    continue;
                case '"':
                    return ReadString();
                case '<':
                    return ReadFlag();
                case '!':
                    SkipToEndOfLine();
                    continue;
                case '[':
                    SkipIndex();
                    continue;
                case '=':
                    LastLine = _line;
                    _pos++;
                    _valueDue = true;
                    continue;
                default:
                    if (IsNumberStart(c)) return ReadNumber();
                    var word = _pos;
                    SkipWord();
                    if (_valueDue || RejectWords) return Token(TextGridTokenKind.BadValue, _line, 0, text[word.._pos]);
                    WordsSkipped++;
                    continue;
            }
        }
        return new TextGridToken(TextGridTokenKind.End, LastLine, 0, "");
    }

    private TextGridToken Token(TextGridTokenKind kind, int line, double number, string value)
    {
        _valueDue = false;
        return new TextGridToken(kind, line, number, value);
    }

    private static bool IsNumberStart(char c) => c is (>= '0' and <= '9') or '-' or '+' or '.';

    private static bool EndsBareToken(char c) =>
        char.IsWhiteSpace(c) || c is '"' or '<' or '[' or '=' or '!';

    private TextGridToken ReadNumber()
    {
        var start = _pos;
        while (_pos < text.Length && !EndsBareToken(text[_pos])) _pos++;
        LastLine = _line;
        var raw = text.AsSpan(start, _pos - start);
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
            return Token(TextGridTokenKind.BadValue, _line, 0, raw.ToString());
        return Token(TextGridTokenKind.Number, _line, value, "");
    }

    // Label words (`xmin`, `intervals:`) are not kept: only their end matters.
    private void SkipWord()
    {
        _pos++;
        while (_pos < text.Length && !EndsBareToken(text[_pos])) _pos++;
        LastLine = _line;
    }

    // A Praat string runs to the next quote that is not doubled; it may span lines.
    private TextGridToken ReadString()
    {
        var line = _line;
        var start = _pos + 1;
        StringBuilder? undoubled = null;
        var from = start;
        while (true)
        {
            var quote = text.IndexOf('"', from);
            if (quote < 0)
                throw new InputException(file, $"line {line}", "a string opened here has no closing quote");
            if (quote + 1 < text.Length && text[quote + 1] == '"')
            {
                undoubled ??= new StringBuilder();
                undoubled.Append(text, from, quote + 1 - from);
                from = quote + 2;
                continue;
            }
            var value = undoubled is null
                ? text[start..quote]
                : undoubled.Append(text, from, quote - from).ToString();
            CountLines(start, quote);
            if (_line != line)
                LastMultiLineString = LastMultiLineString is var (opened, closed) && line - closed <= 3
                    ? (opened, _line)
                    : (line, _line);
            _pos = quote + 1;
            LastLine = _line;
            return Token(TextGridTokenKind.String, line, 0, value);
        }
    }

    private TextGridToken ReadFlag()
    {
        var line = _line;
        var close = text.IndexOf('>', _pos);
        var newline = text.IndexOfAny(['\n', '\r'], _pos);
        if (close < 0 || (newline >= 0 && newline < close))
            throw new InputException(file, $"line {line}", "a '<' opened here has no closing '>' on the same line");
        var value = text[(_pos + 1)..close];
        _pos = close + 1;
        LastLine = _line;
        return Token(TextGridTokenKind.Flag, line, 0, value);
    }

    private void SkipToEndOfLine()
    {
        while (_pos < text.Length && text[_pos] is not ('\n' or '\r')) _pos++;
    }

    private void SkipIndex()
    {
        LastLine = _line;
        while (_pos < text.Length && text[_pos] is not (']' or '\n' or '\r')) _pos++;
        if (_pos < text.Length && text[_pos] == ']') _pos++;
    }

    private void CountLines(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] == '\n') _line++;
            else if (text[i] == '\r' && (i + 1 >= to || text[i + 1] != '\n')) _line++;
        }
    }
}
