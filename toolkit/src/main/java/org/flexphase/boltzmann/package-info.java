/**
 * The Boltzmann family (docs/theory.md sections 1 and 2): machines as contrastive learners
 * ({@link org.flexphase.boltzmann.Rbm}, {@link org.flexphase.boltzmann.LateralBoltzmannMachine} with lateral hidden
 * weights, {@link org.flexphase.boltzmann.FullyVisibleBoltzmannMachine}, behind
 * {@link org.flexphase.boltzmann.BoltzmannMachine}: a flat parameter vector, one Gibbs step per phase, the statistic
 * {@code phi = -beta dE/dtheta}), their state ({@link org.flexphase.boltzmann.BoltzmannState}), exact enumeration of
 * small machines in log space ({@link org.flexphase.boltzmann.ExactAnalysis}: log Z, NLL, the exact gradient;
 * {@link org.flexphase.boltzmann.ExactSampler}), and the trainer ({@link org.flexphase.boltzmann.BoltzmannTrainer}:
 * standard CD-k, ISD, temporally local learning and exact ascent on the shared seam).
 * Depends on {@code learning}, {@code phases}, {@code data}, {@code util} and the JDK.
 */
package org.flexphase.boltzmann;
