/**
 * Exact analysis of small Boltzmann machines by enumeration in log space (log-sum-exp): partition function,
 * NLL, total variation, KL, the exact learning direction {@code u(theta)}, and exact equilibrium samples.
 * The reference every estimator and trainer is tested against. Depends on {@code models} and the JDK.
 */
package org.flexphase.exact;
