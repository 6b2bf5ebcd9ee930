/**
 * Per-address abuse limits shared by the REST and WebSocket sides: token buckets (Bucket4j) kept in
 * memory in the embedded shape and in Redis in cluster mode, so that every node counts together.
 */
@NullMarked
package vn.quizfest.server.limits;

import org.jspecify.annotations.NullMarked;
