namespace AgCc.Core.Landmarks;

/// <summary>
/// The parsed rows of a CSV, column-wise, every face together: meta values and the raw landmark
/// values of the layout's slots (NaN for rows that do not claim success).
/// </summary>
internal sealed class OpenFaceRows(int landmarkValues)
{
    private const int InitialCapacity = 1024;

    public int LandmarkValues { get; } = landmarkValues;

    public int Count { get; private set; }

    public int[] Face { get; private set; } = new int[InitialCapacity];

    public int[] Frame { get; private set; } = new int[InitialCapacity];

    public int[] Line { get; private set; } = new int[InitialCapacity];

    public double[] Timestamp { get; private set; } = new double[InitialCapacity];

    public double[] Confidence { get; private set; } = new double[InitialCapacity];

    public bool[] Success { get; private set; } = new bool[InitialCapacity];

    public float[] Landmarks { get; private set; } = new float[InitialCapacity * landmarkValues];

    /// <summary>Appends a row; returns its landmark values to fill, preset to NaN.</summary>
    public Span<float> Add(int face, int frame, int line, double timestamp, double confidence, bool success)
    {
        if (Count == Face.Length) Grow();
        var r = Count++;
        Face[r] = face;
        Frame[r] = frame;
        Line[r] = line;
        Timestamp[r] = timestamp;
        Confidence[r] = confidence;
        Success[r] = success;
        var values = Landmarks.AsSpan(r * LandmarkValues, LandmarkValues);
        values.Fill(float.NaN);
        return values;
    }

    public ReadOnlySpan<float> LandmarksOf(int row) => Landmarks.AsSpan(row * LandmarkValues, LandmarkValues);

    private void Grow()
    {
        var capacity = Face.Length * 2;
        Face = Resized(Face, capacity);
        Frame = Resized(Frame, capacity);
        Line = Resized(Line, capacity);
        Timestamp = Resized(Timestamp, capacity);
        Confidence = Resized(Confidence, capacity);
        Success = Resized(Success, capacity);
        Landmarks = Resized(Landmarks, capacity * LandmarkValues);
    }

    private static T[] Resized<T>(T[] array, int capacity)
    {
        Array.Resize(ref array, capacity);
        return array;
    }
}
