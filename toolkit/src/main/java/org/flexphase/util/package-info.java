/** Validation ({@link org.flexphase.util.Checks}) and seeded randomness ({@link org.flexphase.util.Rngs}) used by every package. JDK only. */
package org.flexphase.util;
