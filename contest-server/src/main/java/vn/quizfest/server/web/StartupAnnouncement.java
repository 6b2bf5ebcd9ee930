package vn.quizfest.server.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.quizfest.server.system.Messages;

/**
 * Prints, once the server is ready, where players and organisers connect: on this machine and on
 * each local network address, so a teacher can read the address off the laptop screen.
 */
@Component
class StartupAnnouncement {

	private final Environment environment;

	private final Messages messages;

	StartupAnnouncement(Environment environment, Messages messages) {
		this.environment = environment;
		this.messages = messages;
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		List<String> hosts = new ArrayList<>(List.of("localhost"));
		hosts.addAll(networkAddresses());
		var text = new StringBuilder(System.lineSeparator());
		for (Locale locale : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
			text.append(messages.get(locale, "startup.ready")).append(System.lineSeparator());
			for (String host : hosts) {
				String base = "http://" + host + ":" + port;
				text.append("  ").append(messages.get(locale, "startup.players", base + "/"));
				text.append("   ").append(messages.get(locale, "startup.organisers", base + "/admin/"));
				text.append(System.lineSeparator());
			}
		}
		System.out.println(text);
	}

	static List<String> networkAddresses() {
		List<String> addresses = new ArrayList<>();
		try {
			for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
					continue;
				}
				for (InetAddress address : Collections.list(nic.getInetAddresses())) {
					if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
						addresses.add(address.getHostAddress());
					}
				}
			}
		}
		catch (SocketException ex) {
			// No interface list: the localhost address printed above still works.
		}
		return addresses;
	}
}
