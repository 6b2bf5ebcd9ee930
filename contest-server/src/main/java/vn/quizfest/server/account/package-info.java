/** Organisations, organiser accounts, roles, login and security. */
@NullMarked
package vn.quizfest.server.account;

import org.jspecify.annotations.NullMarked;
