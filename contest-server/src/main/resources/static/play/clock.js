// The server owns time (docs/protocol.md section 7). offset = serverTime + rtt/2 - now, from the
// ping with the smallest round trip; until a pong arrives, a frame's serverTime gives a rough offset.

let offset = 0;
let bestRtt = Infinity;
let measured = false;

export function serverNow() {
  return Date.now() + offset;
}

export function fromPong(pong, receivedAt) {
  if (typeof pong.t !== 'number' || typeof pong.serverTime !== 'number') return;
  const rtt = receivedAt - pong.t;
  if (rtt < 0 || rtt > bestRtt) return;
  bestRtt = rtt;
  // Whole milliseconds: an odd round trip must not put half a millisecond on every shown time.
  offset = Math.round(pong.serverTime + rtt / 2 - receivedAt);
  measured = true;
}

/** A rough offset from a fresh frame, used only until a ping has measured one. */
export function fromFrame(serverTime, receivedAt) {
  if (!measured && typeof serverTime === 'number') offset = serverTime - receivedAt;
}

/** A new connection may take another network path: measure again, keep the old offset meanwhile. */
export function restartSync() {
  bestRtt = Infinity;
}
