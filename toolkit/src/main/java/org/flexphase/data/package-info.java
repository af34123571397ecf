/** Datasets the models learn (Bars and Stripes; MNIST subset) and the shuffled cycle that feeds positive phases. JDK only. */
package org.flexphase.data;
