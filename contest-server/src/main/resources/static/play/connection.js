// The player's WebSocket: reconnects with exponential backoff and jitter (docs/protocol.md
// section 9), syncs the clock with pings, and notices a dead connection on a weak network.
import { fromPong, restartSync } from './clock.js';

/** Backoff: at once, then about 1, 2, 4, 8 s, then every 10 s, each with ±50 % jitter. */
export const BACKOFF_STEPS_MS = [0, 1000, 2000, 4000, 8000, 10000];
const SYNC_PINGS = 3;
const SYNC_GAP_MS = 1000;
/** A ping every so often keeps the offset fresh and proves the connection still carries data. */
const HEARTBEAT_MS = 25000;
/** A ping unanswered this long means the connection is dead even if no close arrived. */
const PONG_DEADLINE_MS = 10000;

export function backoffDelay(attempt) {
  const base = BACKOFF_STEPS_MS[Math.min(attempt, BACKOFF_STEPS_MS.length - 1)];
  return Math.round(base * (0.5 + Math.random()));
}

export class Connection {
  constructor(url, handlers) {
    this.url = url;
    this.handlers = handlers; // onOpen(), onFrame(frame), onClosed(code) -> reconnect?, onStatus(status, detail)
    this.socket = null;
    this.attempt = 0;
    this.wanted = false;
    this.retryTimer = 0;
    this.timers = [];
    this.pongDue = 0;
    window.addEventListener('online', () => this.retryNow());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') {
        if (this.socket) this.ping();
        else this.retryNow();
      }
    });
  }

  get isOpen() {
    return !!this.socket && this.socket.readyState === WebSocket.OPEN;
  }

  start() {
    this.wanted = true;
    if (!this.socket && !this.retryTimer) this.open();
  }

  stop() {
    this.wanted = false;
    clearTimeout(this.retryTimer);
    this.retryTimer = 0;
    this.drop(1000);
  }

  retryNow() {
    if (!this.wanted || this.socket) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = 0;
    this.open();
  }

  send(frame) {
    if (!this.isOpen) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  open() {
    this.retryTimer = 0;
    this.handlers.onStatus(this.attempt === 0 ? 'connecting' : 'retrying');
    let socket;
    try {
      socket = new WebSocket(this.url);
    } catch (e) {
      this.closed(1006);
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.attempt = 0;
      restartSync();
      this.handlers.onStatus('online');
      for (let i = 0; i < SYNC_PINGS; i++) this.later(() => this.ping(), i * SYNC_GAP_MS);
      this.heartbeat = setInterval(() => this.ping(), HEARTBEAT_MS);
      this.handlers.onOpen();
    };
    socket.onmessage = (event) => {
      if (this.socket !== socket) return;
      const receivedAt = Date.now();
      this.pongDue = 0;
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        return; // not ours to fix: the server only sends JSON
      }
      if (frame.type === 'pong') fromPong(frame, receivedAt);
      else this.handlers.onFrame(frame, receivedAt);
    };
    socket.onclose = (event) => {
      if (this.socket === socket) this.closed(event.code);
    };
  }

  ping() {
    if (!this.send({ type: 'ping', t: Date.now() })) return;
    if (!this.pongDue) {
      this.pongDue = Date.now() + PONG_DEADLINE_MS;
      this.later(() => {
        if (this.pongDue && Date.now() >= this.pongDue) this.drop(1006); // silent dead connection
      }, PONG_DEADLINE_MS);
    }
  }

  later(fn, ms) {
    this.timers.push(setTimeout(fn, ms));
  }

  /** Forgets the socket at once (a dead one may take minutes to report its close) and handles the close. */
  drop(code) {
    const socket = this.socket;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = null;
    try {
      socket.close(1000);
    } catch (e) {
      // already closing
    }
    this.closed(code);
  }

  closed(code) {
    this.socket = null;
    this.pongDue = 0;
    clearInterval(this.heartbeat);
    this.timers.forEach(clearTimeout);
    this.timers = [];
    const again = this.wanted && this.handlers.onClosed(code);
    if (!again) {
      this.wanted = false;
      this.handlers.onStatus('closed');
      return;
    }
    const delay = backoffDelay(this.attempt);
    this.attempt++;
    this.handlers.onStatus('waiting', { until: Date.now() + delay });
    this.retryTimer = setTimeout(() => this.open(), delay);
  }
}
