/**
 * Sweeps: many keyed runs. Sweep specs (JSON) bound to runs, run keys, the engine that runs them on a thread pool
 * into {@code runs/<key>/} and skips finished ones, and the aggregation of finished runs into summary tables and
 * figures. Used by the CLI's {@code sweep} and {@code reproduce}, by the Spark runner and by notebooks.
 */
package org.flexphase.sweeps;
