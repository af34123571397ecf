/** The paper's experiments (Bars and Stripes, MNIST) behind {@link org.flexphase.experiments.Experiment}, and the throughput benchmarks. */
package org.flexphase.experiments;
