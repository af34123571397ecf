package org.flexphase.proofs;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flexphase.exact.PhaseChain;
import org.flexphase.phases.GeometricPhaseProcess;
import org.flexphase.phases.LengthLaw;
import org.flexphase.phases.LengthLaws;
import org.flexphase.phases.PeriodicPhaseProcess;
import org.flexphase.phases.Phase;
import org.flexphase.phases.PhaseProcess;
import org.flexphase.phases.RandomBlockPhaseProcess;
import org.flexphase.phases.RenewalPhaseProcess;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * One registry of every {@link LengthLaw} factory and every {@link PhaseProcess} type the toolkit ships, with the
 * domains the properties draw them from (odd and boundary parameters included: p = 1, lo = hi, one-point laws, long
 * lengths). {@code PhaseRegistryProperties.everyShippedLawAndProcessIsRegistered} fails when the toolkit ships a
 * law factory or a process class that is not listed here.
 */
final class PhaseRegistry {
    private PhaseRegistry() {
    }

    /** A law with its largest possible length ({@link Integer#MAX_VALUE}: unbounded support). */
    record Law(LengthLaw law, int supportMax) {
        @Override
        public String toString() {
            return law.describe();
        }
    }

    /** The shipped length laws, by the name of their {@link LengthLaws} factory. */
    enum LawKind {
        FIXED("fixed"), GEOMETRIC("geometric"), UNIFORM("uniform"), DISCRETE("discrete");

        final String factory;

        LawKind(String factory) {
            this.factory = factory;
        }

        /** Laws of this kind with lengths up to {@code max} (geometric: any p, unbounded support). */
        Gen<Law> laws(int max) {
            return switch (this) {
                case FIXED -> integers().between(1, max).map(n -> new Law(LengthLaws.fixed(n), n));
                case GEOMETRIC -> Generate.pick(List.of(0, 1, 2)).zip(doubles().between(1e-3, 1.0),
                        (edge, p) -> edge == 1 ? 1.0 : p).map(p -> new Law(LengthLaws.geometric(p), Integer.MAX_VALUE));
                case UNIFORM -> integers().between(1, max).zip(integers().between(0, max - 1),
                        (lo, w) -> new Law(LengthLaws.uniform(lo, Math.min(max, lo + w)), Math.min(max, lo + w)));
                case DISCRETE -> Generators.PMF_UP_TO.apply(Math.min(max, 6))
                        .map(pmf -> new Law(LengthLaws.discrete(pmf), pmf.length));
            };
        }
    }

    /** Any shipped law with lengths up to {@code max}. */
    static Gen<Law> anyLaw(int max) {
        return Generate.enumValues(LawKind.class).flatMap(k -> k.laws(max));
    }

    /** Short laws (lengths up to 6) and long ones (fixed and uniform up to 10^6), geometric down to p = 1e-3. */
    static final Gen<Law> LONG_LAW = Generate.pick(List.of(6, 1_000_000)).flatMap(PhaseRegistry::anyLaw);

    /**
     * A phase process with the law of its phase chain: new phases are {@code +} with probability b (or alternate),
     * and each lasts a length from {@code plus} or {@code minus}; the process itself is built by its own factory.
     */
    record Process(ProcessKind kind, double b, boolean alternate, Law plus, Law minus, PhaseProcess process) {
        @Override
        public String toString() {
            return process.describe();
        }
    }

    /** The shipped phase process types (and factories). */
    enum ProcessKind {
        PERIODIC(PeriodicPhaseProcess.class, "of"), RANDOM_BLOCK(RandomBlockPhaseProcess.class, "of"),
        GEOMETRIC(GeometricPhaseProcess.class, "of"), RENEWAL(RenewalPhaseProcess.class, "of"),
        ALTERNATING_RENEWAL(RenewalPhaseProcess.class, "alternating");

        final Class<? extends PhaseProcess> type;
        final String factory;

        ProcessKind(Class<? extends PhaseProcess> type, String factory) {
            this.type = type;
            this.factory = factory;
        }

        /** Processes of this kind whose bounded phase lengths are at most {@code max}. */
        Gen<Process> processes(int max) {
            Gen<Double> b = Generators.B;
            return switch (this) {
                case PERIODIC -> integers().between(1, max).map(n -> {
                    Law l = new Law(LengthLaws.fixed(n), n);
                    return new Process(this, 0.5, true, l, l, PeriodicPhaseProcess.of(n));
                });
                case RANDOM_BLOCK -> b.zip(integers().between(1, max), (q, n) -> {
                    Law l = new Law(LengthLaws.fixed(n), n);
                    return new Process(this, q, false, l, l, RandomBlockPhaseProcess.of(q, n));
                });
                case GEOMETRIC -> b.zip(doubles().between(0.01, 1.0), (q, p) -> {
                    Law l = new Law(LengthLaws.geometric(p), Integer.MAX_VALUE);
                    return new Process(this, q, false, l, l, GeometricPhaseProcess.of(q, p));
                });
                case RENEWAL -> b.zip(anyLaw(max), anyLaw(max), (q, plus, minus) -> new Process(this, q, false, plus,
                        minus, RenewalPhaseProcess.of(q, plus.law(), minus.law())));
                case ALTERNATING_RENEWAL -> anyLaw(max).zip(anyLaw(max), (plus, minus) -> new Process(this, 0.5, true,
                        plus, minus, RenewalPhaseProcess.alternating(plus.law(), minus.law())));
            };
        }
    }

    /** Any shipped process type, bounded phase lengths at most {@code max}. */
    static Gen<Process> anyProcess(int max) {
        return Generate.enumValues(ProcessKind.class).flatMap(k -> k.processes(max));
    }

    /**
     * The exact phase chain of a process over (phase, age): age {@code a} in 1..A of the current phase, where A is the
     * law's largest length, or 1 for a geometric law (memoryless: its hazard is the same at every age). From age
     * {@code a} the phase ends with the hazard {@code h(a) = P(L = a) / P(L >= a)} and a new one begins at age 1 ({@code +}
     * with probability b, or the other type when alternating); otherwise the age grows. States {@code 0..A+-1} are
     * {@code +}, the rest {@code -}. Returns the transition matrix; {@link #starts} the probability that a step
     * begins a new phase.
     */
    static double[][] chain(Process p) {
        double[] hp = hazards(p.plus());
        double[] hm = hazards(p.minus());
        int np = hp.length;
        int n = np + hm.length;
        double[][] q = new double[n][n];
        for (int s = 0; s < n; s++) {
            boolean plus = s < np;
            double[] h = plus ? hp : hm;
            int a = plus ? s : s - np;
            double end = h[a];
            int older = Math.min(a + 1, h.length - 1) + (plus ? 0 : np);
            q[s][older] += 1 - end;
            double toPlus = p.alternate() ? (plus ? 0 : 1) : p.b();
            q[s][0] += end * toPlus;
            q[s][np] += end * (1 - toPlus);
        }
        return q;
    }

    /**
     * {@link #chain} as an {@link PhaseChain} for the exact joint chain of learning: the same states and probabilities,
     * with the transitions to age 1 marked as beginning a new phase (a new phase may have the same sign as the last).
     */
    static PhaseChain phaseChain(Process p) {
        double[] hp = hazards(p.plus());
        double[] hm = hazards(p.minus());
        int np = hp.length;
        int n = np + hm.length;
        Phase[] phases = new Phase[n];
        List<PhaseChain.Transition> t = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            boolean plus = s < np;
            phases[s] = plus ? Phase.POSITIVE : Phase.NEGATIVE;
            double[] h = plus ? hp : hm;
            int a = plus ? s : s - np;
            double end = h[a];
            int older = Math.min(a + 1, h.length - 1) + (plus ? 0 : np);
            double toPlus = p.alternate() ? (plus ? 0 : 1) : p.b();
            for (PhaseChain.Transition x : List.of(new PhaseChain.Transition(s, older, 1 - end, false),
                    new PhaseChain.Transition(s, 0, end * toPlus, true),
                    new PhaseChain.Transition(s, np, end * (1 - toPlus), true))) {
                if (x.probability() > 0) {
                    t.add(x);
                }
            }
        }
        return PhaseChain.of(phases, t);
    }

    /** The probability of ending a phase at each age of {@link #chain}'s states. */
    static double[] hazards(Law law) {
        LengthLaw l = law.law();
        if (law.supportMax() == Integer.MAX_VALUE) {
            return new double[]{l.pmf(1)};
        }
        double[] h = new double[law.supportMax()];
        double survive = 1;
        for (int a = 1; a <= h.length; a++) {
            h[a - 1] = a == h.length ? 1 : (survive > 0 ? Math.min(1, l.pmf(a) / survive) : 1);
            survive -= l.pmf(a);
        }
        return h;
    }

    /** How many of {@link #chain}'s states are {@code +}. */
    static int positiveStates(Process p) {
        return hazards(p.plus()).length;
    }

    /** The long-run probability that a step begins a new phase, from the chain's stationary law {@code pi}. */
    static double starts(Process p, double[] pi) {
        double[][] q = chain(p);
        double[] hp = hazards(p.plus());
        double[] hm = hazards(p.minus());
        double rate = 0;
        for (int s = 0; s < pi.length; s++) {
            rate += pi[s] * (s < hp.length ? hp[s] : hm[s - hp.length]);
        }
        return q.length > 0 ? rate : 0;
    }

    static String fmt(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }
}
