package vn.quizfest.server.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import vn.quizfest.server.game.GameCommand;
import vn.quizfest.server.game.GameSnapshot;
import vn.quizfest.server.live.cluster.CommandCodec;

/**
 * Heartbeats, leases and journals in Redis. A game's keys share its hash tag ({@code quiz:{g:<id>}:lease},
 * {@code quiz:{g:<id>}:journal}), so the append script, which checks the lease and writes the journal
 * in one step, runs on Redis Cluster too: a node that lost the lease can never write the journal of the
 * node that took it (the lease fences the journal). At each question close the owner stores the game's
 * snapshot ({@code quiz:{g:<id>}:snapshot}) in the same fenced step that folds the stream into the
 * checkpoint, so a takeover restores it and replays only the stream.
 */
final class RedisFailover implements Failover {

	private static final Logger log = LoggerFactory.getLogger(RedisFailover.class);

	static final String LIVE_GAMES = "quiz:live-games";

	/**
	 * Appends to the journal while this node holds the lease. As in {@link #RENEW}, a lease that is gone
	 * altogether is taken again: a Redis failover that outlasts the lease (the promoted replica drops the
	 * lapsed key) must not stop a game no other node has taken.
	 */
	private static final RedisScript<Long> APPEND = RedisScript.of("""
			local holder = redis.call('GET', KEYS[1])
			if holder == false then
			  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[4])
			elseif holder ~= ARGV[1] then
			  return 0
			end
			redis.call('XADD', KEYS[2], '*', 't', ARGV[2], 'c', ARGV[3])
			return 1""", Long.class);

	/**
	 * Renews this node's lease; a lease that is gone altogether (Redis restarted, or it lapsed while Redis
	 * could not be reached) is taken again, since no other node holds it: a blip in Redis moves no game.
	 */
	private static final RedisScript<Long> RENEW = RedisScript.of("""
			local holder = redis.call('GET', KEYS[1])
			if holder == false then
			  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			  return 1
			end
			if holder ~= ARGV[1] then return 0 end
			return redis.call('PEXPIRE', KEYS[1], ARGV[2])""", Long.class);

	/**
	 * Folds the journal's stream into the checkpoint at a question close, fenced by the lease as
	 * {@link #APPEND}: every entry in the stream is appended to the checkpoint (one line each, its time, a
	 * tab and its command text; the creation has none) and the stream is trimmed up to the last of them
	 * (XTRIM MINID just past it), in this one script, so no entry is ever in both or in neither. The three
	 * keys share the game's hash tag. Returns the entries folded, or -1 when another node holds the game.
	 */
	private static final RedisScript<Long> CHECKPOINT = RedisScript.of("""
			local holder = redis.call('GET', KEYS[1])
			if holder == false then
			  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			elseif holder ~= ARGV[1] then
			  return -1
			end
			local entries = redis.call('XRANGE', KEYS[2], '-', '+')
			if #entries == 0 then return 0 end
			local lines = {}
			for i, entry in ipairs(entries) do
			  local fields = entry[2]
			  local t, c = '', ''
			  for j = 1, #fields, 2 do
			    if fields[j] == 't' then t = fields[j + 1] elseif fields[j] == 'c' then c = fields[j + 1] end
			  end
			  lines[i] = t .. '\\t' .. c .. '\\n'
			end
			redis.call('APPEND', KEYS[3], table.concat(lines))
			redis.call('PEXPIRE', KEYS[3], ARGV[3])
			local last = entries[#entries][1]
			local dash = string.find(last, '-', 1, true)
			local after = string.sub(last, 1, dash - 1) .. '-' .. (tonumber(string.sub(last, dash + 1)) + 1)
			redis.call('XTRIM', KEYS[2], 'MINID', after)
			redis.call('DEL', KEYS[4])
			return #entries""", Long.class);

	/**
	 * At a question close: folds the first ARGV[4] entries of the stream into the checkpoint as
	 * {@link #CHECKPOINT} does, stores the snapshot of the game after them (ARGV[5]: its time, a newline, its
	 * JSON) and trims the stream up to them, in this one script fenced by the lease, so the snapshot always
	 * sits exactly where the stream starts and the checkpoint stays the whole journal (the fallback). The
	 * four keys share the game's hash tag. Returns the entries folded, -1 when another node holds the game,
	 * -2 when the stream has fewer entries than that (some are still queued on the owner): nothing written.
	 */
	private static final RedisScript<Long> SNAPSHOT = RedisScript.of("""
			local holder = redis.call('GET', KEYS[1])
			if holder == false then
			  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			elseif holder ~= ARGV[1] then
			  return -1
			end
			local count = tonumber(ARGV[4])
			if count < 1 then return -2 end
			local entries = redis.call('XRANGE', KEYS[2], '-', '+', 'COUNT', count)
			if #entries < count then return -2 end
			local lines = {}
			for i, entry in ipairs(entries) do
			  local fields = entry[2]
			  local t, c = '', ''
			  for j = 1, #fields, 2 do
			    if fields[j] == 't' then t = fields[j + 1] elseif fields[j] == 'c' then c = fields[j + 1] end
			  end
			  lines[i] = t .. '\\t' .. c .. '\\n'
			end
			redis.call('APPEND', KEYS[3], table.concat(lines))
			redis.call('PEXPIRE', KEYS[3], ARGV[3])
			redis.call('SET', KEYS[4], ARGV[5], 'PX', ARGV[3])
			local last = entries[#entries][1]
			local dash = string.find(last, '-', 1, true)
			local after = string.sub(last, 1, dash - 1) .. '-' .. (tonumber(string.sub(last, dash + 1)) + 1)
			redis.call('XTRIM', KEYS[2], 'MINID', after)
			return #entries""", Long.class);

	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
			return redis.call('DEL', KEYS[1])""", Long.class);

	/** Entries read per XRANGE while rebuilding a game. */
	private static final int PAGE = 5_000;

	private final StringRedisTemplate redis;

	private final CommandCodec codec;

	private final FailoverSettings settings;

	private final String node;

	/** Appends Redis did not take, per game, in order; written before that game's next append. */
	private final Map<String, Deque<String[]>> pending = new ConcurrentHashMap<>();

	/** When a game's journal last failed to reach Redis ({@link System#nanoTime()}), while it has appends queued. */
	private final Map<String, Long> failedAt = new ConcurrentHashMap<>();

	RedisFailover(StringRedisTemplate redis, CommandCodec codec, FailoverSettings settings, String node) {
		this.redis = redis;
		this.codec = codec;
		this.settings = settings;
		this.node = node;
	}

	static String leaseKey(String gameId) {
		return "quiz:{g:" + gameId + "}:lease";
	}

	static String journalKey(String gameId) {
		return "quiz:{g:" + gameId + "}:journal";
	}

	static String checkpointKey(String gameId) {
		return "quiz:{g:" + gameId + "}:checkpoint";
	}

	static String snapshotKey(String gameId) {
		return "quiz:{g:" + gameId + "}:snapshot";
	}

	static String heartbeatKey(String node) {
		return "quiz:node:" + node;
	}

	@Override
	public String node() {
		return node;
	}

	@Override
	public boolean acquire(String gameId) {
		return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(leaseKey(gameId), node, settings.lease()));
	}

	@Override
	public boolean renew(String gameId) {
		return renew(gameId, settings.lease());
	}

	@Override
	public boolean acquireForTakeover(String gameId) {
		return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(leaseKey(gameId), node, settings.takeoverLease()));
	}

	@Override
	public boolean renewTakeover(String gameId) {
		return renew(gameId, settings.takeoverLease());
	}

	private boolean renew(String gameId, java.time.Duration ttl) {
		Long renewed = redis.execute(RENEW, List.of(leaseKey(gameId)), node, Long.toString(ttl.toMillis()));
		return renewed != null && renewed == 1;
	}

	@Override
	public void release(String gameId) {
		redis.execute(RELEASE, List.of(leaseKey(gameId)), node);
	}

	@Override
	public boolean leased(String gameId) {
		return Boolean.TRUE.equals(redis.hasKey(leaseKey(gameId)));
	}

	@Override
	public void created(String gameId, long now) {
		String journal = journalKey(gameId);
		redis.opsForStream().add(MapRecord.create(journal, Map.of("t", Long.toString(now), "e", "created")));
		redis.expire(journal, settings.journalRetention());
		redis.opsForSet().add(LIVE_GAMES, gameId);
	}

	/**
	 * Called under the game's lock, so the entries of one game keep their order. While Redis does not
	 * answer, a game's journal is tried again once per renew interval, not for every command: each try
	 * waits the command timeout under the game's lock, and the commands in between (every answer of a
	 * question) would wait behind it. They are queued at once and written, in order, by the next try.
	 */
	@Override
	public Append append(String gameId, GameCommand command, long now) {
		String[] entry = { Long.toString(now), codec.encode(command) };
		Deque<String[]> queued = pending.get(gameId);
		if (queued != null) {
			Long failed = failedAt.get(gameId);
			if (failed != null && System.nanoTime() - failed < settings.renewInterval().toNanos()) {
				queued.addLast(entry);
				return Append.QUEUED;
			}
			try {
				while (!queued.isEmpty()) {
					if (!write(gameId, queued.peekFirst())) {
						return Append.LOST;
					}
					queued.pollFirst();
				}
				pending.remove(gameId);
				failedAt.remove(gameId);
			}
			catch (RuntimeException ex) {
				failedAt.put(gameId, System.nanoTime());
				queued.addLast(entry);
				return Append.QUEUED;
			}
		}
		try {
			return write(gameId, entry) ? Append.STORED : Append.LOST;
		}
		catch (RuntimeException ex) {
			log.warn("Could not journal a command of game {} (kept in memory, written when Redis answers): {}", gameId,
					ex.toString());
			failedAt.put(gameId, System.nanoTime());
			pending.computeIfAbsent(gameId, id -> new ArrayDeque<>()).addLast(entry);
			return Append.QUEUED;
		}
	}

	private boolean write(String gameId, String[] entry) {
		Long written = redis.execute(APPEND, List.of(leaseKey(gameId), journalKey(gameId)), node, entry[0], entry[1],
				Long.toString(settings.lease().toMillis()));
		return written != null && written == 1;
	}

	@Override
	public int checkpoint(String gameId) {
		Long folded = redis.execute(CHECKPOINT,
				List.of(leaseKey(gameId), journalKey(gameId), checkpointKey(gameId), snapshotKey(gameId)), node,
				Long.toString(settings.lease().toMillis()), Long.toString(settings.journalRetention().toMillis()));
		return folded == null ? 0 : (int) (long) folded;
	}

	@Override
	public int snapshot(String gameId, int entries, long now, GameSnapshot snapshot) {
		String text = now + "\n" + codec.encodeSnapshot(snapshot);
		Long folded = redis.execute(SNAPSHOT,
				List.of(leaseKey(gameId), journalKey(gameId), checkpointKey(gameId), snapshotKey(gameId)), node,
				Long.toString(settings.lease().toMillis()), Long.toString(settings.journalRetention().toMillis()),
				Integer.toString(entries), text);
		return folded == null ? 0 : (int) (long) folded;
	}

	@Override
	public Saved saved(String gameId) {
		String stored = redis.opsForValue().get(snapshotKey(gameId));
		List<Entry> stream = new ArrayList<>();
		readStream(gameId, stream);
		if (stored == null) {
			return new Saved(null, -1, null, stream);
		}
		int newline = stored.indexOf('\n');
		try {
			long at = Long.parseLong(stored.substring(0, Math.max(0, newline)));
			return new Saved(codec.decodeSnapshot(stored.substring(newline + 1)), at, null, stream);
		}
		catch (NumberFormatException ex) {
			return new Saved(null, -1, "the snapshot has no time", stream);
		}
		catch (RuntimeException ex) {
			return new Saved(null, -1, ex.getMessage(), stream);
		}
	}

	@Override
	public List<Entry> journal(String gameId) {
		List<Entry> entries = new ArrayList<>();
		String checkpoint = redis.opsForValue().get(checkpointKey(gameId));
		if (checkpoint != null) {
			int start = 0;
			while (start < checkpoint.length()) {
				int end = checkpoint.indexOf('\n', start);
				if (end < 0) {
					throw new IllegalStateException("the checkpoint of game " + gameId + " ends mid-line");
				}
				int tab = checkpoint.indexOf('\t', start);
				if (tab < 0 || tab > end) {
					throw new IllegalStateException("a checkpoint line of game " + gameId + " has no time");
				}
				long now = Long.parseLong(checkpoint.substring(start, tab));
				// The command texts are JSON, which escapes tabs and newlines inside strings.
				entries.add(new Entry(tab + 1 == end ? null : codec.decode(checkpoint.substring(tab + 1, end)), now));
				start = end + 1;
			}
		}
		readStream(gameId, entries);
		return entries;
	}

	/** Adds the stream's entries, oldest first, a page at a time. */
	private void readStream(String gameId, List<Entry> entries) {
		Range<String> range = Range.unbounded();
		while (true) {
			List<MapRecord<String, Object, Object>> page = redis.opsForStream()
				.range(journalKey(gameId), range, Limit.limit().count(PAGE));
			if (page == null || page.isEmpty()) {
				return;
			}
			for (MapRecord<String, Object, Object> record : page) {
				Map<Object, Object> fields = record.getValue();
				long now = Long.parseLong((String) fields.get("t"));
				Object command = fields.get("c");
				entries.add(new Entry(command == null ? null : codec.decode((String) command), now));
			}
			if (page.size() < PAGE) {
				return;
			}
			RecordId last = page.get(page.size() - 1).getId();
			range = Range.rightUnbounded(Range.Bound.exclusive(last.getValue()));
		}
	}

	@Override
	public void ended(String gameId) {
		redis.opsForSet().remove(LIVE_GAMES, gameId);
	}

	@Override
	public void forget(String gameId) {
		pending.remove(gameId);
		failedAt.remove(gameId);
		redis.opsForSet().remove(LIVE_GAMES, gameId);
		redis.delete(List.of(journalKey(gameId), checkpointKey(gameId), snapshotKey(gameId)));
		release(gameId);
	}

	@Override
	public Set<String> liveGames() {
		Set<String> members = redis.opsForSet().members(LIVE_GAMES);
		return members == null ? Set.of() : members;
	}

	@Override
	public void heartbeat() {
		redis.opsForValue().set(heartbeatKey(node), Long.toString(System.currentTimeMillis()), settings.heartbeatTtl());
	}

	@Override
	public boolean alive(String otherNode) {
		return Boolean.TRUE.equals(redis.hasKey(heartbeatKey(otherNode)));
	}
}
