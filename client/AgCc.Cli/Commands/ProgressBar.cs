namespace AgCc.Cli.Commands;

/// <summary>
/// One progress line on stderr: redrawn in place on a terminal, printed at each tenth otherwise
/// (so logs of scripted runs stay short).
/// </summary>
public sealed class ProgressBar(string label)
{
    private const int Width = 30;
    private int lastTenth = -1;

    public void Show(int done, int total, string detail = "")
    {
        var fraction = total == 0 ? 1.0 : Math.Clamp((double)done / total, 0, 1);
        var filled = (int)Math.Round(fraction * Width);
        var line = $"{label} [{new string('#', filled)}{new string('.', Width - filled)}] {done}/{total} {detail}";
        if (!Console.IsErrorRedirected)
        {
            Console.Error.Write($"\r{line}\u001b[K");
            return;
        }
        var tenth = (int)(fraction * 10);
        if (tenth == lastTenth) return;
        lastTenth = tenth;
        Console.Error.WriteLine(line);
    }

    public void Finish()
    {
        if (!Console.IsErrorRedirected) Console.Error.WriteLine();
    }
}
