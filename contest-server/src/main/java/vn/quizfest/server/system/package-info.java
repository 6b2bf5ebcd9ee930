/** Cross-cutting pieces every feature uses: messages, locale, API errors, deployment mode checks. */
@NullMarked
package vn.quizfest.server.system;

import org.jspecify.annotations.NullMarked;
