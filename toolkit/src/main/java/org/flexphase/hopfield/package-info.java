/**
 * Continuous Hopfield networks learned by Equilibrium Propagation and Contrastive Hebbian learning
 * (docs/theory.md section 5.1): {@link org.flexphase.hopfield.HopfieldNetwork} (energy, cost, relaxation sweeps,
 * statistic {@code phi = -dE/dtheta}), exact fixed points by Newton's method ({@link org.flexphase.hopfield.FixedPoints}),
 * the network as a {@link org.flexphase.learning.ContrastiveSystem} ({@link org.flexphase.hopfield.EquilibriumPropagation}),
 * the statistic and its trace baseline ({@link org.flexphase.hopfield.HopfieldStatistic}) and the standard, symmetric,
 * CHL and flexible-phase trainers ({@link org.flexphase.hopfield.EquilibriumPropagationTrainer}), which show examples
 * through {@link org.flexphase.learning.ExamplePresentation} and pair phases through
 * {@link org.flexphase.learning.PairedPhases}.
 * Depends on {@code learning}, {@code phases}, {@code data}, {@code util}, the JDK and EJML.
 */
package org.flexphase.hopfield;
