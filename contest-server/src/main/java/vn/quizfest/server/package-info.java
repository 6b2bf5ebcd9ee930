/** The contest server; one sub-package per feature. */
@NullMarked
package vn.quizfest.server;

import org.jspecify.annotations.NullMarked;
