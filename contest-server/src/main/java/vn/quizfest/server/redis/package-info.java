/**
 * The Redis client of the cluster shape: which Redis (a standalone server, a Sentinel set or a Redis
 * Cluster) from one URL, and the timeouts every Redis command runs with. The features reach Redis through
 * Spring's connection factory and its native Lettuce client; nothing here is their API.
 */
@NullMarked
package vn.quizfest.server.redis;

import org.jspecify.annotations.NullMarked;
