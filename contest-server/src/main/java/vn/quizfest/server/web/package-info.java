/** Public pages and start-up messages. */
@NullMarked
package vn.quizfest.server.web;

import org.jspecify.annotations.NullMarked;
