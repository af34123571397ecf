/**
 * A contract kit for any {@link org.flexphase.learning.ContrastiveSystem}: the way Commons RNG runs one parametric test
 * over every generator, {@link org.flexphase.verify.ContractKit} runs the same six checks over any system, phase
 * process and presentation, each with a stated false-failure rate (docs/design-notes.md, "Contract kit"):
 * the production loop's mean increment against a reference mean update, same seed gives the same bits, checkpoint and
 * restore continue bit for bit, a NaN/Inf stop keeps the last finite parameters, the bias against the switching
 * rate has the predicted order (docs/theory.md T4, T5, T12, T13, T16), and (f) the invariants after every update of a
 * learning run under a decaying schedule: parameters finite and inside the box the system declares
 * ({@code Builder.box}, which must bind during the run), the Polyak average finite, steps, updates and phase counts
 * consistent, and the rate read off each update's parameter change equal to the schedule's at the step count.
 *
 * <p>Depends on {@code learning}, {@code phases}, {@code util} and the JDK only; it
 * imports no model family and no family imports it: tests and notebooks do the wiring.
 */
package org.flexphase.verify;
