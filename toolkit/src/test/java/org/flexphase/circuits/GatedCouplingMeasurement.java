package org.flexphase.circuits;

import java.util.Locale;
import org.flexphase.learning.LearningLoop;
import org.flexphase.learning.TraceGate;
import org.flexphase.runs.NetworkRun;

/**
 * Measures coupled learning with the phase-gated potential trace on the 64-node regression task through the Java API
 * (docs/experiments.md, "Phase-gated trace"): the network, roles, task and trainer configuration of
 * {@code network --nodes 64 --mode M --switch-prob p --present-prob q --lr A --steps T --seed S} ({@link NetworkRun},
 * {@link NetworkSettings}), with the system's trace option for LOCAL mode. Not a test: run with
 * {@code java -cp ... org.flexphase.circuits.GatedCouplingMeasurement mode:gate:tau:hold:p:q:lr:steps:seed[:noise] ...}
 * ({@code gate} none, always, free-only or free-only-nudged-term); prints the final cost relative to the initial one,
 * or with {@code :noise} the frozen-conductance relative error of the time-averaged increments against the rule.
 */
public final class GatedCouplingMeasurement {
    private GatedCouplingMeasurement() {
    }

    public static void main(String[] args) {
        for (String arg : args) {
            String[] f = arg.split(":");
            NetworkSettings s = NetworkSettings.DEFAULTS
                    .withMode(CouplingMode.valueOf(f[0].toUpperCase(Locale.ROOT)))
                    .withSwitchProb(Double.parseDouble(f[4])).withPresentProb(Double.parseDouble(f[5]))
                    .withLr(Double.parseDouble(f[6])).withSteps(Long.parseLong(f[7]))
                    .withEvalEvery(Long.parseLong(f[7]) / 20).withSeed(Long.parseLong(f[8]));
            s.validate();
            CoupledLearning sys = NetworkRun.system(s).system();
            // the trainer's stream is mixed from the run's seed, as a network run does
            NetworkSettings trainerSettings = s.withSeed(org.flexphase.util.Rngs.mix(s.seed(), 3));
            if (!f[1].equals("none")) {
                sys = sys.withTrace(Double.parseDouble(f[2]),
                        TraceGate.valueOf(f[1].toUpperCase(Locale.ROOT).replace('-', '_')), Integer.parseInt(f[3]));
            }
            if (f.length > 9 && f[9].equals("noise")) {
                // frozen conductances: relative error of the time-averaged increments against the two-phase rule
                double[] u = sys.twoPhaseUpdate();
                double[] inc = new double[u.length];
                long steps = Long.parseLong(f[7]);
                new CouplingTrainer(trainerSettings).local(sys).sumIncrements(sys.newState(), steps,
                        org.flexphase.util.Rngs.create(s.seed()), inc);
                double dd = 0;
                double n = 0;
                double dot = 0;
                double hh = 0;
                for (int e = 0; e < u.length; e++) {
                    double h = inc[e] / steps;
                    dd += (h - u[e]) * (h - u[e]);
                    n += u[e] * u[e];
                    dot += h * u[e];
                    hh += h * h;
                }
                System.out.printf(Locale.ROOT, "%s relative_error=%.3f cosine=%.3f%n", arg, Math.sqrt(dd / n),
                        dot / Math.sqrt(n * hh));
                continue;
            }
            CoupledLearning trained = sys;
            double initial = trained.cost();
            double[] late = new double[5];
            int[] count = {0};
            long t0 = System.nanoTime();
            LearningLoop loop = new CouplingTrainer(trainerSettings).train(trained, l -> {
                late[count[0]++ % late.length] = trained.cost();
            });
            double fin = trained.cost();
            double lateMean = 0;
            for (double c : late) {
                lateMean += c / late.length / initial;
            }
            System.out.printf(Locale.ROOT, "%s relative_cost=%.4f late5=%.4f initial=%.4f diverged=%s wall=%.0fs%n",
                    arg, fin / initial, lateMean, initial, loop.divergence() != null, (System.nanoTime() - t0) / 1e9);
        }
    }
}
