// The gesture clustering page in the browser: animates every cluster centre as a mouth, all in
// step (frame f of every centre at once), looping with a short hold on the last frame. The centres
// arrive once from the server (attach); the mouths are drawn by the shared mouth.js.

import { drawMouth, frameCount, mouthParts } from './mouth.js';

/** Seconds the last frame is held before the loop starts again. */
const HOLD = 0.6;

/**
 * @param {HTMLElement} root the centres (GestureCenters.razor): one [data-center="c"] element per
 *   centre holding a mouth SVG, and controls with data-role play, seek, fps and frame
 * @param {{centers: (number|null)[][], fps: number}} data centers[c]: frames × 40 values
 */
export function attach(root, data) {
  const part = role => root.querySelector(`[data-role="${role}"]`);
  const play = part('play');
  const seek = part('seek');
  const fpsSelect = part('fps');
  const frameLabel = part('frame');
  const mouths = Array.from(root.querySelectorAll('[data-center]')).map(el => ({
    parts: mouthParts(el),
    values: data.centers[+el.dataset.center] ?? [],
  }));
  const frames = mouths.reduce((n, m) => Math.max(n, frameCount(m.values)), 0);
  const events = new AbortController();
  const on = (target, type, handler) => target?.addEventListener(type, handler, { signal: events.signal });
  const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

  let fps = +(fpsSelect?.value || data.fps || 10);
  let raf = 0;
  let last = 0;
  let position = 0; // in frames, running past the end during the hold
  let shown = -1;

  function draw(f) {
    f = Math.min(Math.max(f, 0), Math.max(frames - 1, 0));
    if (f === shown) return;
    shown = f;
    for (const m of mouths) drawMouth(m.parts, m.values, f);
    if (seek && document.activeElement !== seek) seek.value = f;
    if (frameLabel) frameLabel.textContent = frames === 0 ? 'no frames' : `frame ${f + 1} of ${frames}`;
  }

  function tick(now) {
    if (last) {
      position += ((now - last) / 1000) * fps;
      const cycle = frames + HOLD * fps;
      if (position >= cycle) position %= cycle;
    }
    last = now;
    draw(Math.min(Math.floor(position), frames - 1));
    raf = requestAnimationFrame(tick);
  }

  function setPlaying(playing) {
    if (playing && !raf && frames > 1) {
      last = 0;
      raf = requestAnimationFrame(tick);
    } else if (!playing && raf) {
      cancelAnimationFrame(raf);
      raf = 0;
    }
    if (play) {
      play.textContent = raf ? 'Pause' : 'Play';
      play.setAttribute('aria-pressed', raf ? 'true' : 'false');
    }
  }

  on(play, 'click', () => setPlaying(!raf));
  on(seek, 'input', () => {
    setPlaying(false);
    position = +seek.value;
    draw(position);
  });
  on(fpsSelect, 'change', () => { fps = +fpsSelect.value || fps; });

  draw(0);
  setPlaying(!reducedMotion);

  return {
    dispose() {
      events.abort();
      if (raf) cancelAnimationFrame(raf);
      raf = 0;
    },
  };
}
