package vn.quizfest.server.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.quizfest.server.system.Messages;

/**
 * Prints, once the server is ready, where players and organisers connect, so a teacher can read the
 * address off the laptop screen. It names the address the join links and QR codes use: the public URL
 * when one is set, otherwise this machine and the one local network address {@link JoinLinks} puts in
 * place of {@code localhost} (not every interface: a second address would disagree with the QR code).
 */
@Component
class StartupAnnouncement {

	private final Environment environment;

	private final Messages messages;

	private final JoinLinkSettings settings;

	private final LanAddress lan;

	@Autowired
	StartupAnnouncement(Environment environment, Messages messages, JoinLinkSettings settings) {
		this(environment, messages, settings, LanAddress.ofThisMachine());
	}

	StartupAnnouncement(Environment environment, Messages messages, JoinLinkSettings settings, LanAddress lan) {
		this.environment = environment;
		this.messages = messages;
		this.settings = settings;
		this.lan = lan;
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		System.out.println(text());
	}

	String text() {
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		List<String> bases = new ArrayList<>(List.of("http://localhost:" + port));
		lan.find().ifPresent(address -> bases.add("http://" + address + ":" + port));
		var text = new StringBuilder(System.lineSeparator());
		for (Locale locale : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
			text.append(messages.get(locale, "startup.ready")).append(System.lineSeparator());
			if (settings.publicUrl() != null) {
				text.append("  ").append(messages.get(locale, "startup.players", settings.publicUrl() + "/"));
				text.append(System.lineSeparator());
			}
			for (String base : bases) {
				text.append("  ");
				if (settings.publicUrl() == null) {
					text.append(messages.get(locale, "startup.players", base + "/")).append("   ");
				}
				text.append(messages.get(locale, "startup.organisers", base + "/admin/"));
				text.append(System.lineSeparator());
			}
		}
		return text.toString();
	}
}
