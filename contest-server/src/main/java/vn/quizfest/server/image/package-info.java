/** Question images: uploaded by organisers, stored in the database, served to players' phones. */
@NullMarked
package vn.quizfest.server.image;

import org.jspecify.annotations.NullMarked;
