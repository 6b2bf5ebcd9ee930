package vn.quizfest.server.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * This machine's address on the local network: the first site-local IPv4 address (10.x, 172.16-31.x,
 * 192.168.x) of an interface that is up and not loopback. Container and virtual-machine bridges
 * (Docker, VirtualBox, ...) come last: phones cannot reach them. Read again at most every few seconds,
 * so a laptop that changes Wi-Fi gets the new address.
 */
class LanAddress {

	/** One network interface as far as this choice cares. */
	record Nic(String name, boolean up, boolean loopback, List<InetAddress> addresses) {

		Nic {
			addresses = List.copyOf(addresses);
		}
	}

	private static final long REFRESH_NANOS = 10_000_000_000L;

	private static final Pattern BRIDGE = Pattern.compile("^(docker|br-|veth|virbr|vboxnet|vmnet|podman|cni|lxc|lxd).*");

	private final Supplier<List<Nic>> nics;

	private volatile @Nullable Found found;

	private record Found(Optional<String> address, long at) {
	}

	LanAddress(Supplier<List<Nic>> nics) {
		this.nics = nics;
	}

	static LanAddress ofThisMachine() {
		return new LanAddress(LanAddress::interfaces);
	}

	Optional<String> find() {
		Found last = found;
		long now = System.nanoTime();
		if (last == null || now - last.at() > REFRESH_NANOS) {
			last = new Found(choose(nics.get()), now);
			found = last;
		}
		return last.address();
	}

	static Optional<String> choose(List<Nic> nics) {
		Optional<String> physical = first(nics, false);
		return physical.isPresent() ? physical : first(nics, true);
	}

	private static Optional<String> first(List<Nic> nics, boolean bridges) {
		for (Nic nic : nics) {
			if (!nic.up() || nic.loopback() || BRIDGE.matcher(nic.name()).matches() != bridges) {
				continue;
			}
			for (InetAddress address : nic.addresses()) {
				if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
					return Optional.of(address.getHostAddress());
				}
			}
		}
		return Optional.empty();
	}

	private static List<Nic> interfaces() {
		List<Nic> nics = new ArrayList<>();
		try {
			for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				try {
					nics.add(new Nic(nic.getName(), nic.isUp(), nic.isLoopback(), Collections.list(nic.getInetAddresses())));
				}
				catch (SocketException ex) {
					// An interface that vanished while being read is no address for phones.
				}
			}
		}
		catch (SocketException ex) {
			// No interface list: the address the browser used is kept.
		}
		return nics;
	}
}
