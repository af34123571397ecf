/**
 * Phase processes: when the network is clamped to data ({@code +}) and when it runs free ({@code -}).
 * Periodic alternation (standard CL), random-type blocks (ISD), geometric switching and alternating
 * renewal processes with arbitrary length laws, each reporting its exact occupancy {@code rho+}
 * (docs/theory.md section 2; Williams, Bredenberg &amp; Lajoie, ICML 2023, section 3). JDK only.
 */
package org.flexphase.phases;
