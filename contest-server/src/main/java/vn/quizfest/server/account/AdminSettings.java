package vn.quizfest.server.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, created when there is no account at all.
 *
 * @param username its username
 * @param initialPassword its password; when empty, one is generated and printed once
 */
@ConfigurationProperties("quizfest.admin")
record AdminSettings(String username, String initialPassword) {
}
