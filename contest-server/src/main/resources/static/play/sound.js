// Short WebAudio tones; off by default, no audio files to download.

let context = null;
let enabled = false;

export function setSound(on) {
  enabled = on;
  if (on && !context) {
    const Ctx = window.AudioContext || window.webkitAudioContext;
    if (Ctx) context = new Ctx();
  }
  if (on && context && context.state === 'suspended') context.resume();
}

function tone(frequency, start, length) {
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.frequency.value = frequency;
  oscillator.type = 'sine';
  gain.gain.setValueAtTime(0.0001, context.currentTime + start);
  gain.gain.exponentialRampToValueAtTime(0.25, context.currentTime + start + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, context.currentTime + start + length);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(context.currentTime + start);
  oscillator.stop(context.currentTime + start + length + 0.05);
}

const TUNES = {
  open: [[660, 0, 0.15]],
  correct: [[523, 0, 0.15], [784, 0.15, 0.25]],
  wrong: [[330, 0, 0.3]],
  end: [[523, 0, 0.15], [659, 0.15, 0.15], [784, 0.3, 0.3]],
};

export function play(name) {
  if (!enabled || !context || !TUNES[name]) return;
  TUNES[name].forEach((note) => tone(note[0], note[1], note[2]));
}
