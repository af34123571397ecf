/**
 * Results as Tablesaw tables for notebooks and the command line: training-history recorders with the columns of
 * {@code history.csv}, long tables of many runs, and the toolkit's CSV files read back. An edge package: it
 * depends on the core and Tablesaw; the core never depends on it.
 */
package org.flexphase.tables;
