package org.flexphase.circuits;

import java.util.Locale;
import org.flexphase.learning.LearningLoop;
import org.flexphase.learning.TraceGate;
import org.flexphase.runs.NetworkRun;
import org.flexphase.runs.NetworkSettings;

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
            NetworkSettings d = NetworkSettings.DEFAULTS;
            NetworkSettings s = new NetworkSettings(d.task(), d.nodes(), d.degree(), d.inputs(), d.outputs(),
                    d.examples(), d.trainSize(), d.testSize(), f[0], d.relax(), d.relaxRate(),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5]), d.b(), d.phaseLength(), d.nudge(),
                    Double.parseDouble(f[6]), d.kMin(), d.kMax(), Long.parseLong(f[7]), Long.parseLong(f[7]) / 20,
                    Long.parseLong(f[8]));
            s.validate();
            CoupledLearning sys = NetworkRun.system(s, new Classification[1]);
            if (!f[1].equals("none")) {
                sys = sys.withTrace(Double.parseDouble(f[2]),
                        TraceGate.valueOf(f[1].toUpperCase(Locale.ROOT).replace('-', '_')), Integer.parseInt(f[3]));
            }
            if (f.length > 9 && f[9].equals("noise")) {
                // frozen conductances: relative error of the time-averaged increments against the two-phase rule
                double[] u = sys.twoPhaseUpdate();
                double[] inc = new double[u.length];
                long steps = Long.parseLong(f[7]);
                new CouplingTrainer(s.trainerConfig()).local(sys).sumIncrements(sys.newState(), steps,
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
            LearningLoop loop = new CouplingTrainer(s.trainerConfig()).train(trained, l -> {
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
