/**
 * Exact analysis of learning in small Boltzmann machines: the exact joint Markov chain of learning (phase, clamped
 * pattern, network state) solved with EJML for the stationary mean update {@code h(theta)} and its long-run covariance,
 * the contrastive-divergence field, fixed points by Newton's method and maximum likelihood of fully visible machines.
 * The reference every stochastic-approximation theorem test is checked against. (Exact sums over one machine's
 * states, log Z and its gradient, live with the machines in {@code boltzmann}.) Depends on {@code boltzmann},
 * {@code phases}, {@code util}, the JDK and EJML.
 */
package org.flexphase.exact;
