/**
 * Learning: {@link org.flexphase.learning.LocalLearning}, temporally local learning of any
 * {@link org.flexphase.learning.ContrastiveSystem} under any phase process, on the bookkeeping every trainer shares
 * ({@link org.flexphase.learning.LearningLoop}: budget, rates, averaging, divergence, checkpoints, frozen-parameter
 * increment sums); what the world does to the state is a {@link org.flexphase.learning.Presentation}. The Boltzmann
 * {@link org.flexphase.boltzmann.BoltzmannTrainer} (standard CD-k, ISD, temporally local, exact ascent) runs on them, with
 * rate schedules, negative-phase starts and Polyak–Ruppert averaging (docs/theory.md section 2); other model
 * families' trainers live with their models and reuse the same two classes.
 * Depends on {@code phases}, {@code models}, {@code exact}, {@code data} and the JDK.
 */
package org.flexphase.learning;

import org.flexphase.boltzmann.BoltzmannTrainer;
