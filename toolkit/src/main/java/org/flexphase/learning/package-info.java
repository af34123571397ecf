/**
 * The seam every model family plugs into (docs/theory.md sections 2 and 5): a
 * {@link org.flexphase.learning.ContrastiveSystem} (state, one time step of a phase, statistic), what the world does to
 * its state ({@link org.flexphase.learning.Presentation}), temporally local learning of any system under any phase
 * process ({@link org.flexphase.learning.LocalLearning}), standard learning that holds a first phase's state through
 * a second ({@link org.flexphase.learning.PairedPhases}), examples shown by their own presentation process
 * ({@link org.flexphase.learning.ExamplePresentation}), and the bookkeeping every trainer shares
 * ({@link org.flexphase.learning.LearningLoop}: budget, rates, averaging, divergence, checkpoints, frozen-parameter
 * increment sums), with rate schedules and Polyak–Ruppert averaging. Families' trainers live with their models
 * ({@code boltzmann}, {@code hopfield}, {@code circuits}, {@code forwardforward}) and run on these classes.
 * Depends on {@code phases}, {@code data} (the shuffled cycle of examples), {@code util} and the JDK only: no model
 * family, no exact analysis.
 */
package org.flexphase.learning;
