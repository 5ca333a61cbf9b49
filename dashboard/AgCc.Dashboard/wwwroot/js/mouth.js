// Drawing the 20 mouth landmarks (48–67, x and y interleaved: values[f * 40 + 2p] = x,
// values[f * 40 + 2p + 1] = y, null in frames without a tracked face) into the SVG that
// MouthView.razor / GestureMouth.razor render: the outer lip (48–59) and the inner lip (60–67) as
// polygons, and one circle per landmark. Shared by the utterance player and the gesture centres.

export const POINTS = 20;
export const VALUES_PER_FRAME = 2 * POINTS;
export const OUTER_LIP = 12;

/** How many whole frames the values hold. */
export function frameCount(values) {
  return Math.floor(values.length / VALUES_PER_FRAME);
}

/** Whether every coordinate of frame f is a number (gap frames are all null). */
export function tracked(values, f) {
  if (f < 0 || f >= frameCount(values)) return false;
  for (let i = f * VALUES_PER_FRAME; i < (f + 1) * VALUES_PER_FRAME; i++) {
    if (values[i] === null || values[i] === undefined) return false;
  }
  return true;
}

/** An SVG points list of count points of frame f from point first. */
export function pointList(values, f, first, count) {
  const parts = new Array(count);
  for (let p = 0; p < count; p++) {
    const at = f * VALUES_PER_FRAME + 2 * (first + p);
    parts[p] = values[at] + ',' + values[at + 1];
  }
  return parts.join(' ');
}

/**
 * The drawable parts inside root, found by their data-role attributes (outer-lip, inner-lip,
 * dots with its circles, no-face); any may be missing.
 */
export function mouthParts(root) {
  const part = role => root.querySelector(`[data-role="${role}"]`);
  const dots = part('dots');
  return {
    outerLip: part('outer-lip'),
    innerLip: part('inner-lip'),
    dots,
    circles: dots ? Array.from(dots.querySelectorAll('circle')) : [],
    noFace: part('no-face'),
  };
}

/** Draws frame f of values into the parts (a gap frame empties the lips and hides the dots); says whether it was tracked. */
export function drawMouth(parts, values, f) {
  const ok = tracked(values, f);
  parts.outerLip?.setAttribute('points', ok ? pointList(values, f, 0, OUTER_LIP) : '');
  parts.innerLip?.setAttribute('points', ok ? pointList(values, f, OUTER_LIP, POINTS - OUTER_LIP) : '');
  if (ok) {
    parts.circles.forEach((c, p) => {
      c.setAttribute('cx', values[f * VALUES_PER_FRAME + 2 * p]);
      c.setAttribute('cy', values[f * VALUES_PER_FRAME + 2 * p + 1]);
    });
  }
  parts.dots?.setAttribute('visibility', ok ? 'visible' : 'hidden');
  if (parts.noFace) parts.noFace.hidden = ok;
  return ok;
}
