// The host's live connection (docs/protocol.md sections 5-10): one /ws/host socket, a state model
// built from the server's frames, reconnection with backoff, clock sync, guarded commands.

/** Backoff before each reconnection attempt, seconds (then the last one again), each with ±50 % jitter. */
const BACKOFF_SECONDS = [0, 1, 2, 4, 8, 10];
const SYNC_PINGS = 3;
const SYNC_GAP_MS = 1000;
const RESYNC_MS = 45000;
/** Close codes after which reconnecting cannot help (section 13). */
const FINAL_CLOSES = { 4000: 'over', 4004: 'version', 4005: 'refused', 4008: 'abuse' };

/** A fresh state: what the host screens draw. */
function initialState() {
  return {
    connection: 'connecting', // connecting | open | reconnecting | refused | over | version | abuse
    game: null, // {id, pin, title, questions}
    phase: null, // LOBBY PREVIEW OPEN CLOSED LEADERBOARD PODIUM ENDED
    paused: false,
    locked: false, // the host locked the lobby: no new player may join
    pruned: null, // how many disconnected players the last "remove disconnected" removed
    remaining: -1, // ms left when paused
    q: -1,
    count: 0,
    question: null, // the question or open frame of question q
    closed: null,
    leaderboard: null, // with top[].move (positive: places up) when a previous leaderboard was seen
    podium: null,
    teams: null, // team play by unit: the last teams frame (docs/protocol.md section 18)
    skipped: null,
    answers: { count: 0, of: 0 },
    players: [], // [{player, nickname}] newest first
    playerCount: 0,
    ended: null,
    error: null, // the last refused command {code, message}
    attempts: 0,
  };
}

export class HostConnection {
  /**
   * @param options {game, token, lang, onChange(state), onError(error)}: onError gets refused commands
   *   other than STALE_COMMAND (which only means the state already moved on).
   */
  constructor(options) {
    this.options = options;
    this.state = initialState();
    this.offset = 0; // server time - local time
    this.bestRtt = Infinity;
    this.socket = null;
    this.stopped = false;
    this.timers = new Set();
    this.ids = 0;
    this.previousRanks = new Map();
    this.latestRanks = null;
    this.rankedQ = null;
  }

  start() {
    this.stopped = false;
    this.connect();
    return this;
  }

  /** Closes for good (the screen was left). */
  stop() {
    this.stopped = true;
    this.timers.forEach((id) => clearTimeout(id));
    this.timers.clear();
    if (this.socket) {
      try { this.socket.close(1000); } catch (e) { /* already closed */ }
    }
    this.socket = null;
  }

  /** The server's clock now, ms (section 7). */
  serverNow() {
    return Date.now() + this.offset;
  }

  /** Milliseconds to a server-time deadline, never below 0; the time left when paused. */
  remaining(deadline) {
    if (this.state.paused && this.state.remaining >= 0) return this.state.remaining;
    return Math.max(0, deadline - this.serverNow());
  }

  /**
   * Sends a host command. next and skip always carry the phase and question the screen shows, so a
   * press that crosses the server's own move does nothing (STALE_COMMAND) instead of skipping a step.
   */
  command(type, extra) {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN || this.state.connection !== 'open') return false;
    const frame = Object.assign({ type, id: 'c' + (++this.ids) }, extra || {});
    if (type === 'next' || type === 'skip' || type === 'start') {
      if (this.state.phase) frame.phase = this.state.phase;
      frame.q = this.state.q;
    }
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  later(fn, ms) {
    const id = setTimeout(() => { this.timers.delete(id); fn(); }, ms);
    this.timers.add(id);
  }

  connect() {
    if (this.stopped) return;
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    let socket;
    try {
      socket = new WebSocket(scheme + location.host + '/ws/host');
    } catch (e) {
      this.retry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      socket.send(JSON.stringify({ type: 'host', v: 1, game: this.options.game, token: this.options.token, lang: this.options.lang || 'vi' }));
    };
    socket.onmessage = (event) => {
      let frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      if (frame && typeof frame.type === 'string') this.receive(frame);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.stopped) return;
      const final = FINAL_CLOSES[event.code];
      if (final) {
        this.set({ connection: final });
        return;
      }
      this.retry();
    };
  }

  retry() {
    const attempt = this.state.attempts;
    const base = BACKOFF_SECONDS[Math.min(attempt, BACKOFF_SECONDS.length - 1)] * 1000;
    const delay = base * (0.5 + Math.random());
    this.set({ connection: 'reconnecting', attempts: attempt + 1 });
    this.later(() => this.connect(), delay);
  }

  /** Pings a few times now and again later; keeps the offset of the fastest round trip. */
  syncClock() {
    this.bestRtt = Infinity;
    for (let i = 0; i < SYNC_PINGS; i++) this.later(() => this.ping(), i * SYNC_GAP_MS);
    this.later(() => this.syncClock(), RESYNC_MS);
  }

  ping() {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ type: 'ping', t: Date.now() }));
  }

  set(changes) {
    Object.assign(this.state, changes);
    if (this.options.onChange) this.options.onChange(this.state);
  }

  receive(f) {
    const s = this.state;
    switch (f.type) {
      case 'hosted':
        this.offset = f.serverTime - Date.now();
        this.set({ connection: 'open', attempts: 0, game: f.game, format: f.format || 'HOSTED', phase: f.phase, paused: !!f.paused, locked: !!f.locked,
          count: f.game.questions, players: (f.players || []).slice().reverse(), playerCount: (f.players || []).length,
          q: f.phase === 'LOBBY' ? -1 : s.q });
        this.syncClock();
        return;
      case 'pong': {
        const now = Date.now();
        if (typeof f.t !== 'number') return;
        const rtt = now - f.t;
        if (rtt < this.bestRtt) {
          this.bestRtt = rtt;
          this.offset = f.serverTime + rtt / 2 - now;
        }
        return;
      }
      case 'players': {
        let players = s.players.filter((p) => (f.kicked || []).indexOf(p.player) < 0);
        const known = new Set(players.map((p) => p.player));
        const fresh = (f.joined || []).filter((p) => !known.has(p.player)).reverse();
        players = fresh.concat(players);
        this.set({ players, playerCount: f.count, answers: Object.assign({}, s.answers, { of: f.count }) });
        if (s.elim && (f.kicked || []).length) {
          // Rung chuông vàng: a kicked player leaves the grid too
          this.set({ elim: Object.assign({}, s.elim, { players: s.elim.players.filter((p) => f.kicked.indexOf(p.player) < 0) }) });
        }
        return;
      }
      case 'question': {
        const sameQ = s.q === f.q && s.question;
        this.set({ phase: 'PREVIEW', q: f.q, count: f.count, question: f, closed: null, skipped: null,
          answers: sameQ ? s.answers : { count: 0, of: s.playerCount } });
        return;
      }
      case 'open': {
        const sameQ = s.q === f.q && (s.phase === 'OPEN' || s.phase === 'PREVIEW');
        this.set({ phase: 'OPEN', q: f.q, count: f.count, question: f, closed: null, skipped: null,
          answers: sameQ ? s.answers : { count: 0, of: s.playerCount } });
        return;
      }
      case 'answers':
        if (f.q === s.q) this.set({ answers: { count: f.count, of: f.of } });
        return;
      case 'closed':
        this.set({ phase: 'CLOSED', q: f.q, count: f.count, closed: f, answers: { count: f.answered, of: f.players } });
        return;
      case 'leaderboard':
        this.set({ phase: 'LEADERBOARD', q: f.q, count: f.count, leaderboard: this.withMoves(f) });
        return;
      case 'skipped':
        this.set({ skipped: f.q });
        return;
      case 'teams': // team play by unit: arrives just before the closed or podium it belongs to
        this.set({ teams: f });
        return;
      case 'podium':
        this.set({ phase: 'PODIUM', podium: f, paused: false });
        return;
      case 'paused':
        this.set({ paused: true, remaining: f.remaining });
        return;
      case 'unpaused':
        this.set({ paused: false, remaining: -1 });
        return;
      case 'ended':
        this.set({ phase: 'ENDED', ended: f.reason, paused: false });
        return;
      case 'lobbyLock':
        this.set({ locked: !!f.locked });
        return;
      // Buzzer format: the whole stage in one frame (docs/protocol.md, "Buzzer rounds").
      case 'buzzer':
        this.set({ buzzer: f, format: 'BUZZER' });
        return;
      case 'done':
        if (f.command === 'prune') this.set({ pruned: f.removed });
        return;
      // ---- Rung chuông vàng: the grid of numbers, its changes, the golden bell ----
      case 'grid':
        this.set({ elim: { remaining: f.remaining, eliminated: f.eliminated, rescueQuestions: f.rescueQuestions || [],
          players: f.players || [], bell: s.elim ? s.elim.bell : null, last: s.elim ? s.elim.last : null,
          units: f.units || null } });
        return;
      case 'floor': {
        if (!s.elim) return;
        const out = new Set(f.out || []);
        const back = new Set(f.back || []);
        const players = s.elim.players.map((p) => {
          if (back.has(p.player)) return Object.assign({}, p, { state: 'FLOOR', fellAt: undefined });
          if (out.has(p.player)) return Object.assign({}, p, { state: 'OUT', fellAt: f.q });
          return p;
        });
        // Team play by unit: the counts per unit (ids only; the names came with the grid).
        const units = f.units && s.elim.units ? s.elim.units.map((u) => {
          const now = f.units.find((c) => c.id === u.id);
          return now ? Object.assign({}, u, { remaining: now.remaining }) : u;
        }) : s.elim.units;
        this.set({ elim: Object.assign({}, s.elim, { players, units, remaining: f.remaining, eliminated: f.eliminated,
          last: { cause: f.cause, q: f.q, out: out.size, back: back.size } }) });
        return;
      }
      case 'bell':
        this.set({ elim: Object.assign({}, s.elim || { players: [], rescueQuestions: [] }, { bell: f },
          f.units ? { units: f.units } : {}) });
        return;
      case 'error':
        if (f.code === 'HOST_REFUSED') {
          this.set({ connection: 'refused', error: f });
          return;
        }
        if (f.code === 'STALE_COMMAND') {
          this.set({}); // the state already moved on: just draw it again
          return;
        }
        this.set({ error: f });
        if (this.options.onError) this.options.onError(f);
        return;
      default:
        // done and frames for players: nothing to show
    }
  }

  /** Adds each entry's rank movement since the previous leaderboard this screen saw. */
  withMoves(frame) {
    if (frame.q !== this.rankedQ) {
      this.previousRanks = this.latestRanks || new Map();
      this.rankedQ = frame.q;
    }
    const top = (frame.top || []).map((entry) => {
      const before = this.previousRanks.get(entry.player);
      return Object.assign({}, entry, { move: before === undefined ? null : before - entry.rank });
    });
    this.latestRanks = new Map(top.map((e) => [e.player, e.rank]));
    return Object.assign({}, frame, { top });
  }

}
