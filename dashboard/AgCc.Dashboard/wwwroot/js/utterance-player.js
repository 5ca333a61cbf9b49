// The utterance view in the browser: while the audio plays (requestAnimationFrame), or when it is
// sought, moves the timeline's playhead, the clock and the slider, marks the current word and
// phone, and draws the mouth landmarks of the frame at the audio's current time. The mouth track
// arrives once from the server (attach); nothing goes back per frame. The mouth is drawn by the
// shared mouth.js (the gesture centres use it too).

import { VALUES_PER_FRAME, drawMouth as drawMouthFrame, mouthParts } from './mouth.js';

/**
 * @param {HTMLElement} root the player (UtterancePlayer.razor); its parts carry data-role attributes
 * @param {{span: number, start: number, times: number[], values: (number|null)[]}} data
 *   span: seconds across the timeline; times: frame timestamps; values: frames × 40 (x, y of
 *   landmarks 48–67), null in frames without a tracked face
 */
export function attach(root, data) {
  const part = role => root.querySelector(`[data-role="${role}"]`);
  const audio = part('audio');
  const seek = part('seek');
  const clock = part('clock');
  const timeline = part('timeline');
  const playhead = part('playhead');
  const mouth = mouthParts(root);
  const frameLabel = part('frame');
  const current = part('current');
  const spans = timeline
    ? Array.from(timeline.querySelectorAll('g.span')).map(g => ({
        g, start: +g.dataset.start, end: +g.dataset.end, label: g.dataset.label, word: g.classList.contains('word'), on: false,
      }))
    : [];
  const { span, times, values } = data;
  const frames = Math.min(times.length, Math.floor(values.length / VALUES_PER_FRAME));
  const width = timeline?.viewBox?.baseVal?.width || 1000;
  const events = new AbortController();
  const on = (target, type, handler) => target?.addEventListener(type, handler, { signal: events.signal });

  let raf = 0;
  let shownFrame = -2;
  let shownCurrent = null;

  function frameAt(t) {
    if (frames === 0) return -1;
    if (t <= times[0]) return 0;
    let lo = 0, hi = frames - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (times[mid] <= t) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  function drawMouth(f) {
    if (f === shownFrame) return;
    shownFrame = f;
    drawMouthFrame(mouth, values, f);
    if (frameLabel) frameLabel.textContent = frames === 0 ? 'no frames' : `frame ${f + 1} of ${frames}`;
  }

  function draw(t) {
    t = Math.min(Math.max(t || 0, 0), span);
    const x = (t / span) * width;
    playhead?.setAttribute('x1', x);
    playhead?.setAttribute('x2', x);
    if (clock) clock.textContent = t.toFixed(2) + ' s';
    if (seek && document.activeElement !== seek) seek.value = t;
    let word = null, phone = null;
    for (const s of spans) {
      const now = t >= s.start && t < s.end;
      if (now !== s.on) {
        s.on = now;
        s.g.classList.toggle('active', now);
      }
      if (now) { if (s.word) word = s.label; else phone = s.label; }
    }
    const text = `word: ${word ?? '–'} · phone: ${phone ?? '–'}`;
    if (current && text !== shownCurrent) current.textContent = shownCurrent = text;
    drawMouth(frameAt(t));
  }

  function tick() {
    draw(audio.currentTime);
    raf = requestAnimationFrame(tick);
  }

  function play() {
    if (!raf) raf = requestAnimationFrame(tick);
  }

  function stop() {
    if (raf) cancelAnimationFrame(raf);
    raf = 0;
    draw(audio.currentTime);
  }

  function seekTo(t) {
    t = Math.min(Math.max(t, 0), span);
    try {
      audio.currentTime = t;
    } catch {
      // no audio (the file is missing): the views still follow the slider
    }
    draw(t);
  }

  if (audio) {
    on(audio, 'play', play);
    on(audio, 'pause', stop);
    on(audio, 'ended', stop);
    on(audio, 'seeked', () => { if (audio.paused) draw(audio.currentTime); });
    on(audio, 'timeupdate', () => { if (audio.paused) draw(audio.currentTime); });
  }
  on(seek, 'input', () => seekTo(+seek.value));
  on(timeline, 'click', e => {
    const box = timeline.getBoundingClientRect();
    if (box.width > 0) seekTo(((e.clientX - box.left) / box.width) * span);
  });

  if (data.start > 0) seekTo(data.start); else draw(0);

  return {
    dispose() {
      events.abort();
      if (raf) cancelAnimationFrame(raf);
      raf = 0;
    },
  };
}
