package org.flexphase.proofs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.flexphase.exact.JointChain;
import org.flexphase.exact.PhaseChain;
import org.flexphase.boltzmann.NegativeStart;
import org.flexphase.boltzmann.BoltzmannTrainer;
import org.flexphase.boltzmann.TrainSettings;
import org.flexphase.boltzmann.TrainingMode;
import org.flexphase.proofs.Generators.Instance;
import org.flexphase.proofs.Generators.Kind;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * B2 (ISD and temporally local learning): at fixed parameters, the time average of the increments the
 * {@link BoltzmannTrainer} itself applies ({@link BoltzmannTrainer#sumIncrements}: its own loop, phases, clamping and negative starts,
 * with the parameters frozen) is the exact stationary mean update of the joint chain ({@link JointChain}, weights
 * from the phase chain's own occupancy), within a CLT bound from the chain's exact long-run covariance. Phase
 * schedules: local learning under every registered process type ({@link PhaseRegistry}, its exact (phase, age) chain
 * as the {@link PhaseChain}), and the trainer's ISD mode; negative starts:
 * persistent, equilibrium, PCD. The domain must show each named fault (README's fault table) by at least twice the
 * tolerance: local weights 1/b instead of 1/rho (unequal length laws) and persistent states replaced by
 * equilibrium samples.
 */
class MeanUpdateBridgeProperties {
    static final int EXAMPLES = 40;
    static final long STEPS = 400_000;
    /** At most 30 coordinates per example share the run's budget. */
    static final double Z = Tolerances.bonferroniZ(EXAMPLES * 30L);

    /** Local learning under any registered phase process, or the trainer's own ISD mode. */
    enum Schedule { PROCESS, ISD }

    /** One instance: model and data, phase schedule, negative start, the trainer's seed. */
    record Case(Instance inst, Schedule schedule, double b, PhaseRegistry.Process process, int length,
                NegativeStart start, int seed) {
        PhaseChain chain() {
            return switch (schedule) {
                case PROCESS -> PhaseRegistry.phaseChain(process);
                case ISD -> PhaseChain.renewal(b, fixed(length), fixed(length));
            };
        }

        /** The production trainer of this case: local learning given the registered process, or the ISD mode. */
        BoltzmannTrainer trainer() {
            TrainSettings c = TrainSettings.DEFAULTS.withNegativeStart(start).withEquilibriumRefresh(STEPS)
                    .withSteps(STEPS).withEvalEvery(STEPS).withSeed(seed);
            return switch (schedule) {
                case PROCESS -> new BoltzmannTrainer(c.withMode(TrainingMode.LOCAL)).withPhaseProcess(process.process());
                case ISD -> new BoltzmannTrainer(c.withMode(TrainingMode.ISD).withB(b).withPhaseLength(length));
            };
        }

        JointChain exact(JointChain.Start s) {
            return JointChain.of(inst.model(), inst.data(), chain(), s);
        }

        @Override
        public String toString() {
            String phases = switch (schedule) {
                case PROCESS -> process.toString();
                case ISD -> String.format(Locale.ROOT, "isd(b=%.3f, T=%d)", b, length);
            };
            return phases + " start=" + start + " seed=" + seed + " " + inst;
        }
    }

    static double[] fixed(int length) {
        double[] pmf = new double[length];
        pmf[length - 1] = 1;
        return pmf;
    }

    static JointChain.Start exactStart(NegativeStart start) {
        return switch (start) {
            case PERSISTENT -> JointChain.Start.PERSISTENT;
            case EQUILIBRIUM -> JointChain.Start.EQUILIBRIUM_NEGATIVE;
            case PCD -> JointChain.Start.PCD;
        };
    }

    /** PCD's chain carries a stored state as well (4^units states per phase state): at most 3 units there. */
    static Gen<Instance> modelsFor(NegativeStart start) {
        Gen<Instance> all = Generators.models(2.0, Kind.values());
        return start == NegativeStart.PCD
                ? all.assuming(i -> i.model().visibleCount() + i.model().hiddenCount() <= 3) : all;
    }

    /**
     * Every registered process type ({@link PhaseRegistry}: periodic, ISD blocks, geometric, renewal and alternating
     * renewal with every length law), bounded lengths up to 3 so that the joint chain stays small; geometric phases
     * shorter than 10 steps on average (p >= 0.1), so that 400,000 steps hold many phases.
     */
    static final Gen<PhaseRegistry.Process> PROCESSES = PhaseRegistry.anyProcess(3)
            .assuming(p -> p.plus().law().mean() <= 10 && p.minus().law().mean() <= 10);

    static final Gen<Case> CASES = Generate.enumValues(NegativeStart.class).flatMap(start -> modelsFor(start).zip(
            Generate.enumValues(Schedule.class), Generators.B, PROCESSES,
            (inst, schedule, b, process) -> new Object[]{inst, schedule, b, process}).zip(
            integers().between(1, 3), integers().between(1, 1_000_000),
            (o, length, seed) -> new Case((Instance) o[0], (Schedule) o[1], (Double) o[2],
                    (PhaseRegistry.Process) o[3], length, start, seed)));

    /** The largest |x_k - y_k| / sd_k; coordinates with no variance must agree to rounding (else infinite). */
    static double worstZ(double[] x, double[] y, double[] sd) {
        double worst = 0;
        for (int k = 0; k < x.length; k++) {
            double d = Math.abs(x[k] - y[k]);
            worst = Math.max(worst, sd[k] > 1e-12 ? d / sd[k] : (d > 1e-9 ? Double.POSITIVE_INFINITY : 0));
        }
        return worst;
    }

    @Test
    void trainerIncrementsAverageToTheExactMeanUpdate() {
        AtomicReference<Double> weightFault = new AtomicReference<>(0.0);
        AtomicReference<Double> persistenceFault = new AtomicReference<>(0.0);
        Proofs.qtSimulation(EXAMPLES, 10).forAll(CASES).checkAssert(c -> {
            JointChain chain = c.exact(exactStart(c.start()));
            double rho = c.chain().positiveOccupancy();
            double[] h = chain.meanUpdate(rho);
            double[] sd = Averages.standardDeviations(chain.asymptoticCovariance(rho));
            for (int k = 0; k < sd.length; k++) {
                sd[k] /= Math.sqrt(STEPS);
            }
            double[] sum = new double[h.length];
            long updates = c.trainer().sumIncrements(c.inst().model(), c.inst().rows(), sum);
            double[] avg = new double[h.length];
            for (int k = 0; k < h.length; k++) {
                avg[k] = sum[k] / updates;
            }
            double z = worstZ(avg, h, sd);
            assertTrue(z <= Z, "time average " + Generators.fmt(avg) + " is " + z + " sd (bound " + Z
                    + ") from the exact mean update " + Generators.fmt(h) + " (sd " + Generators.fmt(sd) + ")");
            if (c.schedule() == Schedule.PROCESS) {
                double b = c.process().alternate() ? 0.5 : c.process().b();
                weightFault.accumulateAndGet(worstZ(chain.meanUpdate(b), h, sd), Math::max);
            }
            if (c.start() == NegativeStart.PERSISTENT) {
                double[] reset = c.exact(JointChain.Start.EQUILIBRIUM_NEGATIVE).meanUpdate(rho);
                persistenceFault.accumulateAndGet(worstZ(reset, h, sd), Math::max);
            }
        });
        System.out.printf(Locale.ROOT, "B2 local/isd: bound %.2f sd; faults shown by up to %.1f sd (1/b weights), "
                + "%.1f sd (equilibrium for persistent)%n", Z, weightFault.get(), persistenceFault.get());
        assertTrue(weightFault.get() >= 2 * Z, "no instance separates 1/b weights from 1/rho by 2 bounds: "
                + weightFault.get());
        assertTrue(persistenceFault.get() >= 2 * Z, "no instance separates persistent from equilibrium starts by 2 "
                + "bounds: " + persistenceFault.get());
    }
}
