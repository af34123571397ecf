/** Experiments: runs of the trainers that produce Tablesaw tables, CSV and JSON files, and figures, used alike by the CLI's {@code reproduce}, notebooks and tests. */
package org.flexphase.experiments;
