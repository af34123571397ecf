/**
 * Learning: the {@link org.flexphase.learning.Trainer} (standard CD-k, ISD, temporally local, exact ascent),
 * rate schedules, negative-phase starts and Polyak–Ruppert averaging (docs/theory.md section 2).
 * Depends on {@code phases}, {@code models}, {@code exact}, {@code data} and the JDK.
 */
package org.flexphase.learning;
