/**
 * {@link org.flexphase.models.ContrastiveSystem}, the seam every model family plugs into (state, one time step of a
 * phase, statistic), and Boltzmann machines as contrastive learners (docs/theory.md section 1): {@link org.flexphase.models.Rbm},
 * {@link org.flexphase.models.LateralBoltzmannMachine} (lateral hidden weights) and
 * {@link org.flexphase.models.FullyVisibleBoltzmannMachine}, behind {@link org.flexphase.models.BoltzmannMachine}:
 * a flat parameter vector, one Gibbs step per phase, and the statistic {@code phi = -beta dE/dtheta}.
 * Depends on {@code phases} (for {@code Phase}) and the JDK.
 */
package org.flexphase.models;
