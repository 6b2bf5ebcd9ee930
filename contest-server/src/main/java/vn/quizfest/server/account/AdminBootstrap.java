package vn.quizfest.server.account;

import java.io.PrintStream;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import vn.quizfest.server.system.ApiException;
import vn.quizfest.server.system.Messages;

/**
 * Creates the first administrator when there is no account at all. Its password comes from
 * QUIZFEST_ADMIN_PASSWORD or is generated, printed this once, and only its hash is stored.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final UserAccounts accounts;

	private final PasswordEncoder encoder;

	private final AdminSettings settings;

	private final Messages messages;

	AdminBootstrap(UserAccounts accounts, PasswordEncoder encoder, AdminSettings settings, Messages messages) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.settings = settings;
		this.messages = messages;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (accounts.count() > 0) {
			return;
		}
		boolean given = settings.initialPassword() != null && !settings.initialPassword().isBlank();
		String password = given ? settings.initialPassword() : Passwords.generate();
		try {
			Passwords.check(password, settings.username());
		}
		catch (ApiException ex) {
			throw new IllegalStateException("QUIZFEST_ADMIN_PASSWORD breaks the password policy: "
					+ messages.get(Locale.ENGLISH, ex.code(), ex.args()));
		}
		try {
			accounts.create(settings.username(), "Administrator", encoder.encode(password), Role.ADMIN, null);
		}
		catch (DuplicateKeyException ex) {
			return; // another node of the cluster created it first
		}
		log.info("Created the first administrator account '{}'", settings.username());
		if (!given) {
			// Printed to the console, never to the log files: the password must not end up in log storage.
			PrintStream console = System.out;
			String line = "=".repeat(72);
			console.println(line);
			console.println(messages.get(Locale.forLanguageTag("vi"), "admin.generated", settings.username(),
					password));
			console.println(messages.get(Locale.ENGLISH, "admin.generated", settings.username(), password));
			console.println(line);
		}
	}
}
