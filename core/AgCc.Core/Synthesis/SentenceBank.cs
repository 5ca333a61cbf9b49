namespace AgCc.Core.Synthesis;

/// <summary>A sentence with the code a corpus files it under.</summary>
public sealed record Sentence(string Code, string Text)
{
    public IReadOnlyList<string> Words { get; } =
        Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(',', '.', '?', '!')).ToArray();
}

/// <summary>
/// The texts spoken: CREMA-D's twelve sentences (real codes and texts), twenty MSP-IMPROV-like
/// target sentences (written for this generator: short, emotionally ambiguous, like the real
/// targets that were improvised towards in every emotion), and short conversational phrases for the
/// improvised (S) and natural (T) turns.
/// </summary>
public static class SentenceBank
{
    public static IReadOnlyList<Sentence> CremaD { get; } =
    [
        new("IEO", "It's eleven o'clock"),
        new("TIE", "That is exactly what happened"),
        new("IOM", "I'm on my way to the meeting"),
        new("IWW", "I wonder what this is about"),
        new("TAI", "The airplane is almost full"),
        new("MTI", "Maybe tomorrow it will be cold"),
        new("IWL", "I would like a new alarm clock"),
        new("ITH", "I think I have a doctor's appointment"),
        new("DFA", "Don't forget a jacket"),
        new("ITS", "I think I've seen this before"),
        new("TSI", "The surface is slick"),
        new("WSI", "We'll stop in a couple of minutes"),
    ];

    /// <summary>Target sentences 01–20 (code = the two-digit number).</summary>
    public static IReadOnlyList<Sentence> MspTargets { get; } =
    [
        new("01", "I can't believe you did that"),
        new("02", "We have to leave right now"),
        new("03", "Is that what you wanted"),
        new("04", "I already told you about it"),
        new("05", "She will be here soon"),
        new("06", "Let me think about it"),
        new("07", "That was not the plan"),
        new("08", "You should have called me"),
        new("09", "We are going home today"),
        new("10", "I know what you mean"),
        new("11", "It is all over now"),
        new("12", "He never said a word"),
        new("13", "Where did you put the keys"),
        new("14", "I have been waiting all day"),
        new("15", "This is my last chance"),
        new("16", "You did it again"),
        new("17", "Take it or leave it"),
        new("18", "Nobody told me anything"),
        new("19", "I will see you tomorrow"),
        new("20", "It looks like rain"),
    ];

    /// <summary>Conversational phrases for improvised and natural turns.</summary>
    public static IReadOnlyList<Sentence> Phrases { get; } =
    [
        new("p01", "Yeah I know"),
        new("p02", "Well what do you think"),
        new("p03", "Oh really"),
        new("p04", "No way"),
        new("p05", "Come on"),
        new("p06", "I don't know"),
        new("p07", "That sounds good"),
        new("p08", "Are you sure"),
        new("p09", "Okay fine"),
        new("p10", "You know what I mean"),
        new("p11", "Seriously"),
        new("p12", "Wait a minute"),
        new("p13", "I guess so"),
        new("p14", "Thank you so much"),
        new("p15", "Why not"),
        new("p16", "That's funny"),
        new("p17", "Look at the time"),
        new("p18", "I told you so"),
    ];
}
