namespace AgCc.Core.Synthesis;

/// <summary>
/// Speaker-dependent face geometry in face units (1 = outer eye-corner distance, nose tip 33 at
/// the origin, y down): where the mouth sits, how wide and full the lips are, jaw and brows.
/// </summary>
public sealed record FaceShape(
    double MouthY,
    double MouthWidthScale,
    double ApertureScale,
    double UpperLipThickness,
    double LowerLipThickness,
    double JawHalfWidth,
    double ChinY,
    double BrowY,
    double EyeY,
    double NoseLength);

/// <summary>
/// One synthetic speaker: voice (F0, vocal-tract length as a formant scale, loudness, breathiness,
/// speaking rate), how strongly they express emotion, their face, and where they sit in front of
/// the camera. Drawn once per speaker from the speaker's own seed, so a speaker is the same in
/// every utterance.
/// </summary>
public sealed record SpeakerProfile(
    string Id,
    bool Female,
    double F0Hz,
    double FormantScale,
    double Rate,
    double LoudnessDb,
    double Breathiness,
    double Expressiveness,
    FaceShape Face,
    double SeatX,
    double SeatY)
{
    /// <summary>
    /// Adult speakers: F0 ≈ 115 Hz (male) / 205 Hz (female); formants scaled by vocal-tract length
    /// (female ≈ +15%); individual rate, loudness and expressiveness spreads.
    /// </summary>
    public static SpeakerProfile Create(string id, bool female, ulong seed)
    {
        var rng = new Prng(seed);
        var face = new FaceShape(
            MouthY: rng.Gaussian(0.25, 0.018, 0.20, 0.30),
            MouthWidthScale: rng.Gaussian(female ? 0.97 : 1.02, 0.05, 0.85, 1.15),
            ApertureScale: rng.Gaussian(1.0, 0.10, 0.75, 1.25),
            UpperLipThickness: rng.Gaussian(female ? 0.085 : 0.078, 0.010, 0.055, 0.11),
            LowerLipThickness: rng.Gaussian(female ? 0.105 : 0.098, 0.012, 0.07, 0.13),
            JawHalfWidth: rng.Gaussian(female ? 0.70 : 0.76, 0.03, 0.62, 0.84),
            ChinY: rng.Gaussian(female ? 0.66 : 0.71, 0.03, 0.58, 0.80),
            BrowY: rng.Gaussian(-0.64, 0.025, -0.72, -0.56),
            EyeY: rng.Gaussian(-0.40, 0.02, -0.46, -0.34),
            NoseLength: rng.Gaussian(1.0, 0.06, 0.85, 1.15));
        return new SpeakerProfile(
            id,
            female,
            F0Hz: female ? rng.Gaussian(205, 18, 165, 250) : rng.Gaussian(115, 12, 90, 145),
            FormantScale: female ? rng.Gaussian(1.15, 0.035, 1.06, 1.24) : rng.Gaussian(1.0, 0.035, 0.92, 1.08),
            Rate: rng.Gaussian(1.0, 0.07, 0.85, 1.15),
            LoudnessDb: rng.Gaussian(0, 1.5, -3.5, 3.5),
            Breathiness: rng.Gaussian(female ? 0.05 : 0.03, 0.015, 0, 0.1),
            Expressiveness: rng.Gaussian(1.0, 0.1, 0.75, 1.25),
            Face: face,
            SeatX: rng.Gaussian(0, 0.25),
            SeatY: rng.Gaussian(0, 0.15));
    }
}
