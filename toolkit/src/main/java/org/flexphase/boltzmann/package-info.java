/**
 * {@link org.flexphase.learning.ContrastiveSystem}, the seam every model family plugs into (state, one time step of a
 * phase, statistic), and Boltzmann machines as contrastive learners (docs/theory.md section 1): {@link org.flexphase.boltzmann.Rbm},
 * {@link org.flexphase.boltzmann.LateralBoltzmannMachine} (lateral hidden weights) and
 * {@link org.flexphase.boltzmann.FullyVisibleBoltzmannMachine}, behind {@link org.flexphase.boltzmann.BoltzmannMachine}:
 * a flat parameter vector, one Gibbs step per phase, and the statistic {@code phi = -beta dE/dtheta}.
 * Depends on {@code phases} (for {@code Phase}) and the JDK.
 */
package org.flexphase.boltzmann;
