/**
 * Olympia-style buzzer rounds: 2-8 contestants on stage press a buzzer, the first press (by the
 * receive time of the node that holds the game) answers, the host judges; warm-up, acceleration and
 * finish rounds score by their own rules; an audience plays along on phones, scored separately.
 * A named interface of the game module: the gateway reads the board, the API takes the settings.
 */
@NullMarked
@NamedInterface("buzzer")
package vn.quizfest.server.game.format.buzzer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
