namespace AgCc.Core.Synthesis;

/// <summary>Manner classes: they decide the source (voicing, frication, bursts) and the timing.</summary>
public enum PhoneClass
{
    Vowel,
    Diphthong,
    Stop,
    Affricate,
    Fricative,
    Nasal,
    Liquid,
    Glide,
    Aspirate,
}

/// <summary>F1–F3 in Hz for an adult male vocal tract (scaled per speaker).</summary>
public readonly record struct Formants(double F1, double F2, double F3);

/// <summary>
/// Lip posture in face units (1 = outer eye-corner distance): inner-lip <see cref="Aperture"/>,
/// outer mouth <see cref="Width"/> (corner to corner) and <see cref="Protrusion"/> (0 spread or
/// neutral, 1 fully rounded).
/// </summary>
public readonly record struct LipPosture(double Aperture, double Width, double Protrusion)
{
    public static LipPosture Lerp(LipPosture a, LipPosture b, double t) => new(
        a.Aperture + (b.Aperture - a.Aperture) * t,
        a.Width + (b.Width - a.Width) * t,
        a.Protrusion + (b.Protrusion - a.Protrusion) * t);
}

/// <summary>A noise source shaped by one resonance: fricatives and stop bursts.</summary>
public readonly record struct Frication(double CentreHz, double BandwidthHz, double Level);

/// <summary>
/// One ARPAbet phone: what the source–filter synthesiser and the lip model need.
/// <see cref="FormantWeight"/> and <see cref="LipWeight"/> say how much of the phone's own target
/// survives coarticulation (1: fully its own, 0: taken from the neighbouring vowels), which is how
/// consonants without a lip gesture (t, k, h) borrow the lip shape of the next vowel.
/// </summary>
public sealed record PhoneSpec(
    string Symbol,
    PhoneClass Class,
    bool Voiced,
    double DurationMs,
    Formants Start,
    Formants End,
    double FormantWeight,
    Frication Noise,
    LipPosture LipStart,
    LipPosture LipEnd,
    double LipWeight)
{
    public bool IsVowel => Class is PhoneClass.Vowel or PhoneClass.Diphthong;
}

/// <summary>
/// The 39 ARPAbet phones of the CMU dictionary. Vowel formants: Peterson &amp; Barney / Hillenbrand
/// male means; consonant values are loci (where transitions point). Lip postures: aperture and
/// width from the usual visual-speech classes (bilabials closed, labiodentals nearly closed,
/// rounded vowels and /w r ʃ/ narrow and protruded, /i e æ/ spread), in face units.
/// </summary>
public static class PhoneInventory
{
    private static readonly LipPosture Alveolar = new(0.030, 0.53, 0.05);
    private static readonly Formants AlveolarLocus = new(300, 1700, 2600);
    private static readonly Frication None = default;

    private static readonly Dictionary<string, PhoneSpec> Table = Build();

    /// <summary>The lips at rest (silence): lightly closed, neutral width.</summary>
    public static LipPosture Rest { get; } = new(0.004, 0.52, 0.10);

    public static IReadOnlyCollection<PhoneSpec> All => Table.Values;

    /// <summary>`AA1` and `AA` both name AA: stress digits are stripped for identity.</summary>
    public static string BaseSymbol(string arpabet) => arpabet.TrimEnd('0', '1', '2');

    /// <summary>The stress digit of a vowel label (`AH0` → 0), or -1 without one.</summary>
    public static int Stress(string arpabet) =>
        arpabet.Length > 0 && char.IsAsciiDigit(arpabet[^1]) ? arpabet[^1] - '0' : -1;

    public static PhoneSpec Get(string arpabet) =>
        Table.TryGetValue(BaseSymbol(arpabet), out var spec)
            ? spec
            : throw new ArgumentException($"'{arpabet}' is not an ARPAbet phone", nameof(arpabet));

    public static bool Contains(string arpabet) => Table.ContainsKey(BaseSymbol(arpabet));

    private static Dictionary<string, PhoneSpec> Build()
    {
        var list = new List<PhoneSpec>
        {
            // Monophthongs: duration, formants, lips (aperture, width, protrusion).
            Vowel("IY", 110, new(300, 2300, 3000), new(0.035, 0.58, 0.00)),
            Vowel("IH", 80, new(400, 2000, 2650), new(0.055, 0.56, 0.00)),
            Vowel("EH", 90, new(560, 1800, 2600), new(0.080, 0.55, 0.00)),
            Vowel("AE", 120, new(660, 1720, 2450), new(0.110, 0.57, 0.00)),
            Vowel("AH", 85, new(620, 1200, 2550), new(0.085, 0.52, 0.10)),
            Vowel("AA", 120, new(750, 1250, 2500), new(0.140, 0.51, 0.10)),
            Vowel("AO", 120, new(620, 950, 2500), new(0.110, 0.45, 0.55)),
            Vowel("UH", 80, new(450, 1100, 2400), new(0.050, 0.46, 0.50)),
            Vowel("UW", 110, new(330, 950, 2300), new(0.030, 0.40, 0.90)),
            Vowel("ER", 100, new(480, 1380, 1700), new(0.045, 0.46, 0.50)),
            // Diphthongs glide from the first target to the second.
            Diphthong("EY", 130, new(480, 2000, 2650), new(360, 2250, 2800), new(0.080, 0.55, 0.00), new(0.045, 0.57, 0.00)),
            Diphthong("OW", 130, new(520, 950, 2450), new(400, 850, 2400), new(0.090, 0.45, 0.55), new(0.040, 0.41, 0.85)),
            Diphthong("AY", 150, new(740, 1300, 2500), new(400, 2000, 2600), new(0.130, 0.52, 0.05), new(0.050, 0.56, 0.00)),
            Diphthong("AW", 150, new(740, 1300, 2500), new(440, 900, 2400), new(0.130, 0.52, 0.05), new(0.035, 0.42, 0.85)),
            Diphthong("OY", 160, new(560, 900, 2450), new(400, 1950, 2600), new(0.080, 0.45, 0.60), new(0.045, 0.55, 0.00)),

            // Stops: burst spectrum by place (labial diffuse-low, alveolar high, velar compact-mid).
            Consonant("P", PhoneClass.Stop, false, 85, new(250, 900, 2200), 0.6, new(1200, 2500, 0.35), new(0.000, 0.51, 0.15), 1.0),
            Consonant("B", PhoneClass.Stop, true, 70, new(250, 900, 2200), 0.6, new(1200, 2500, 0.25), new(0.000, 0.51, 0.15), 1.0),
            Consonant("T", PhoneClass.Stop, false, 80, AlveolarLocus, 0.5, new(4500, 3000, 0.45), Alveolar, 0.3),
            Consonant("D", PhoneClass.Stop, true, 60, AlveolarLocus, 0.5, new(4500, 3000, 0.30), Alveolar, 0.3),
            Consonant("K", PhoneClass.Stop, false, 85, new(300, 1900, 2400), 0.3, new(2200, 1200, 0.45), new(0.040, 0.52, 0.05), 0.15),
            Consonant("G", PhoneClass.Stop, true, 70, new(300, 1900, 2400), 0.3, new(2200, 1200, 0.30), new(0.040, 0.52, 0.05), 0.15),
            // Affricates: closure, then postalveolar frication; lips rounded like /ʃ/.
            Consonant("CH", PhoneClass.Affricate, false, 110, new(300, 1900, 2500), 0.6, new(3000, 1600, 0.55), new(0.030, 0.45, 0.70), 0.8),
            Consonant("JH", PhoneClass.Affricate, true, 95, new(300, 1900, 2500), 0.6, new(3000, 1600, 0.35), new(0.030, 0.45, 0.70), 0.8),
            // Fricatives.
            Consonant("F", PhoneClass.Fricative, false, 95, new(300, 1100, 2300), 0.4, new(5000, 6000, 0.16), new(0.012, 0.52, 0.00), 0.9),
            Consonant("V", PhoneClass.Fricative, true, 60, new(300, 1100, 2300), 0.4, new(5000, 6000, 0.10), new(0.012, 0.52, 0.00), 0.9),
            Consonant("TH", PhoneClass.Fricative, false, 90, new(300, 1400, 2500), 0.4, new(5500, 6000, 0.12), new(0.030, 0.53, 0.00), 0.5),
            Consonant("DH", PhoneClass.Fricative, true, 40, new(300, 1400, 2500), 0.4, new(5500, 6000, 0.08), new(0.030, 0.53, 0.00), 0.5),
            Consonant("S", PhoneClass.Fricative, false, 105, AlveolarLocus, 0.6, new(6500, 2500, 0.50), new(0.020, 0.53, 0.05), 0.35),
            Consonant("Z", PhoneClass.Fricative, true, 75, AlveolarLocus, 0.6, new(6500, 2500, 0.30), new(0.020, 0.53, 0.05), 0.35),
            Consonant("SH", PhoneClass.Fricative, false, 110, new(300, 1900, 2500), 0.6, new(3000, 1500, 0.55), new(0.030, 0.45, 0.70), 0.8),
            Consonant("ZH", PhoneClass.Fricative, true, 80, new(300, 1900, 2500), 0.6, new(3000, 1500, 0.35), new(0.030, 0.45, 0.70), 0.8),
            // /h/: aspiration through the vowel tract of its neighbours (no targets of its own).
            Consonant("HH", PhoneClass.Aspirate, false, 60, new(500, 1500, 2500), 0.0, None, Rest, 0.0),
            // Nasals: murmur formants; lips closed for /m/.
            Consonant("M", PhoneClass.Nasal, true, 70, new(270, 1000, 2200), 0.7, None, new(0.000, 0.51, 0.12), 1.0),
            Consonant("N", PhoneClass.Nasal, true, 60, new(270, 1700, 2600), 0.7, None, Alveolar, 0.3),
            Consonant("NG", PhoneClass.Nasal, true, 70, new(270, 2000, 2700), 0.6, None, new(0.040, 0.52, 0.05), 0.15),
            // Liquids and glides.
            Consonant("L", PhoneClass.Liquid, true, 65, new(360, 1100, 2700), 0.8, None, new(0.045, 0.53, 0.05), 0.2),
            Consonant("R", PhoneClass.Liquid, true, 65, new(340, 1100, 1500), 0.9, None, new(0.035, 0.46, 0.55), 0.7),
            Consonant("W", PhoneClass.Glide, true, 60, new(300, 700, 2200), 0.9, None, new(0.020, 0.40, 0.95), 1.0),
            Consonant("Y", PhoneClass.Glide, true, 55, new(280, 2200, 3000), 0.9, None, new(0.030, 0.57, 0.00), 0.6),
        };
        return list.ToDictionary(p => p.Symbol, StringComparer.Ordinal);
    }

    private static PhoneSpec Vowel(string symbol, double ms, Formants f, LipPosture lips) =>
        new(symbol, PhoneClass.Vowel, true, ms, f, f, 1.0, None, lips, lips, 0.9);

    private static PhoneSpec Diphthong(string symbol, double ms, Formants f0, Formants f1, LipPosture l0, LipPosture l1) =>
        new(symbol, PhoneClass.Diphthong, true, ms, f0, f1, 1.0, None, l0, l1, 0.9);

    private static PhoneSpec Consonant(
        string symbol, PhoneClass cls, bool voiced, double ms, Formants locus, double formantWeight,
        Frication noise, LipPosture lips, double lipWeight) =>
        new(symbol, cls, voiced, ms, locus, locus, formantWeight, noise, lips, lips, lipWeight);
}
