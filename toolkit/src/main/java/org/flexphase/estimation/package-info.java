/**
 * Estimates of quantities that enumeration cannot reach: the log partition function of an RBM by annealed
 * importance sampling ({@link org.flexphase.estimation.AnnealedImportanceSampling}, Salakhutdinov &amp; Murray
 * 2008) from a base-rate model ({@link org.flexphase.estimation.BaseRateModel}) along a schedule of inverse
 * temperatures ({@link org.flexphase.estimation.AnnealingSchedule}), and the mean test log-likelihood it implies
 * ({@link org.flexphase.estimation.MeanLogLikelihood}). Tested against {@code exact} on models small enough to
 * enumerate. Depends on {@code boltzmann}, {@code util} and the JDK.
 */
package org.flexphase.estimation;
