/**
 * Physical learning networks (docs/theory.md section 5.2): linear resistor or flow networks
 * ({@link org.flexphase.circuits.Graph}, {@link org.flexphase.circuits.Graphs},
 * {@link org.flexphase.circuits.ResistorNetwork}), their Kirchhoff equilibria by sparse Cholesky
 * ({@link org.flexphase.circuits.EquilibriumSolver}), relaxation at a finite rate
 * ({@link org.flexphase.circuits.Relaxation}), coupled learning as a
 * {@link org.flexphase.learning.ContrastiveSystem} ({@link org.flexphase.circuits.CoupledLearning}) trained by standard,
 * twin or flexible phases ({@link org.flexphase.circuits.CouplingTrainer}), and the exact stationary mean update of
 * flexible phases ({@link org.flexphase.circuits.MarkovModulatedMoments},
 * {@link org.flexphase.circuits.FlexiblePhaseMoments}); and one nonlinear element family, a resistor in parallel with a
 * saturating channel ({@link org.flexphase.circuits.Element}), whose equilibria minimise the total co-content by damped
 * Newton on the sparse Cholesky of the Hessian ({@link org.flexphase.circuits.NewtonSolver}), with coupled learning
 * ({@link org.flexphase.circuits.NonlinearCoupledLearning}, {@link org.flexphase.circuits.NonlinearTrainer}; docs/theory.md
 * section 5.2, nonlinear elements). Depends on {@code learning}, {@code phases},
 * {@code util}, the JDK and EJML.
 */
package org.flexphase.circuits;
