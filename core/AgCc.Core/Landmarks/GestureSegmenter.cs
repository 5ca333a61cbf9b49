using AgCc.Core.Alignments;

namespace AgCc.Core.Landmarks;

/// <summary>
/// Cuts a <see cref="MouthTrack"/> into per-phone gesture segments (METHOD.md step 3). The track is
/// resampled on the absolute grid t_k = k / rate seconds (k an integer), so every phone of an
/// utterance samples the same 100 Hz stream; a phone [start, end) takes the grid points inside it,
/// each linearly interpolated between the two video frames around it. Only the needed points are
/// computed: nothing is allocated beyond the segments themselves.
/// </summary>
/// <remarks>
/// A phone is kept only when every video frame from the last one at or before its start to the
/// first one at or after its end has values (tracked or interpolated): so no sample is
/// interpolated across a gap, and a phone that touches a gap is dropped whole. A phone reaching
/// before the first or after the last frame is dropped too.
/// </remarks>
public static class GestureSegmenter
{
    /// <summary>Grid points within this many samples of a boundary count as on it (float noise in k / rate).</summary>
    private const double GridTolerance = 1e-6;

    private const int Values = MouthTrack.ValuesPerFrame;

    public static GestureSegmentation Cut(MouthTrack track, PhoneAlignment alignment, GestureSegmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        return Cut(track, alignment.Phones, options);
    }

    public static GestureSegmentation Cut(MouthTrack track, IReadOnlyList<Interval> phones, GestureSegmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(phones);
        options ??= GestureSegmentOptions.Default;
        if (!(options.SampleRate > 0) || !double.IsFinite(options.SampleRate))
            throw new ArgumentOutOfRangeException(nameof(options), options.SampleRate, "SampleRate must be a positive number of Hz");
        ArgumentOutOfRangeException.ThrowIfNegative(options.MinFrames);

        var rate = options.SampleRate;
        var minFrames = Math.Max(1, options.MinFrames);
        var segments = new List<GestureSegment>(phones.Count);
        int tooShort = 0, atGap = 0, outside = 0;
        for (var p = 0; p < phones.Count; p++)
        {
            var phone = phones[p];
            if (!double.IsFinite(phone.Start) || !double.IsFinite(phone.End))
                throw new ArgumentException($"phone {p} ({phone.Label}) has a non-finite interval", nameof(phones));
            var first = (long)Math.Ceiling(phone.Start * rate - GridTolerance);
            var end = (long)Math.Ceiling(phone.End * rate - GridTolerance);
            var frames = end - first;
            if (frames < minFrames)
            {
                tooShort++;
                continue;
            }

            switch (Cover(track, phone.Start, phone.End, out var from, out var to))
            {
                case Coverage.Outside:
                    outside++;
                    continue;
                case Coverage.Gap:
                    atGap++;
                    continue;
            }

            var values = new float[frames * Values];
            Resample(track, from, to, first, rate, values);
            segments.Add(new GestureSegment(phone.Label, phone.Start, phone.End, (int)frames, values));
        }

        return new GestureSegmentation(segments, tooShort, atGap, outside);
    }

    private enum Coverage
    {
        Inside,
        Gap,
        Outside,
    }

    /// <summary>The frames bracketing [start, end], and whether they all have values.</summary>
    private static Coverage Cover(MouthTrack track, double start, double end, out int from, out int to)
    {
        var t = track.Timestamps;
        from = t.BinarySearch(start);
        if (from < 0) from = ~from - 1;
        to = t.BinarySearch(end);
        if (to < 0) to = ~to;
        if (from < 0 || to >= t.Length) return Coverage.Outside;

        var status = track.Status;
        for (var i = from; i <= to; i++)
        {
            if (status[i] == FrameStatus.Gap) return Coverage.Gap;
        }

        return Coverage.Inside;
    }

    /// <summary>Linear interpolation of the track at t_k = k / rate for k = first, first + 1, ….</summary>
    private static void Resample(MouthTrack track, int from, int to, long first, double rate, Span<float> destination)
    {
        var t = track.Timestamps;
        var source = track.Values;
        var i = from;
        var frames = destination.Length / Values;
        for (var j = 0; j < frames; j++)
        {
            // Clamped: a point within the grid tolerance of a boundary may fall a hair outside.
            var time = Math.Clamp((first + j) / rate, t[from], t[to]);
            while (i < to && t[i + 1] <= time) i++;
            var target = destination.Slice(j * Values, Values);
            var left = source.Slice(i * Values, Values);
            if (i == to)
            {
                left.CopyTo(target);
                continue;
            }

            var right = source.Slice((i + 1) * Values, Values);
            var w = (time - t[i]) / (t[i + 1] - t[i]);
            for (var v = 0; v < Values; v++) target[v] = (float)(left[v] + w * (right[v] - left[v]));
        }
    }
}
