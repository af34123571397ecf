/**
 * The registry of {@code reproduce} parts: every experiment the command can regenerate, by name, in the order they
 * run. Apart from the experiments so that no experiment depends on the list of all of them.
 */
package org.flexphase.experiments.reproduce;
