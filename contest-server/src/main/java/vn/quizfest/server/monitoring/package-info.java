/** What an operator watches: the live figures of this node for the console's System screen. */
@NullMarked
package vn.quizfest.server.monitoring;

import org.jspecify.annotations.NullMarked;
