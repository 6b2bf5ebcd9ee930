/**
 * Rung chuông vàng (Ring the Golden Bell): every player on the floor answers every question, a
 * wrong or missing answer sends the player off the floor, rescue rules bring eliminated players back,
 * and whoever is still on the floor after the last question rings the bell. Exposed to the other
 * modules (the API's settings, the live gateway's frames) as the named interface {@code elimination}.
 */
@NullMarked
@NamedInterface("elimination")
package vn.quizfest.server.game.format.elimination;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
