package org.flexphase.circuits;

import static org.flexphase.util.InvalidSetting.require;
import static org.flexphase.util.InvalidSetting.requireAtLeast;
import static org.flexphase.util.InvalidSetting.requireChoice;
import static org.flexphase.util.InvalidSetting.requireHalfOpenUnit;
import static org.flexphase.util.InvalidSetting.requireOpenUnit;
import static org.flexphase.util.InvalidSetting.requirePositive;

import static org.flexphase.util.InvalidSetting.label;

import org.flexphase.util.InvalidSetting;
import org.flexphase.util.MemoryBudget;
import org.flexphase.util.Settings;

/**
 * Everything that determines a run of coupled learning in a resistor network (docs/theory.md section 5.2), and what
 * {@link CouplingTrainer} takes. The network is a random geometric graph of {@code nodes} nodes and mean degree
 * {@code degree}; the task is a random linear map ({@code regression}: {@code inputs} input nodes, {@code outputs}
 * output nodes, {@code examples} examples), Iris or the MNIST subset ({@code train_size} and {@code test_size} digits,
 * pixels as input potentials). {@code steps} counts relaxation sweeps of one network in every mode (a standard update
 * costs {@code 2 phaseLength} sweeps; a twin step sweeps both copies and counts once); {@code lr} is per update: per
 * step in twin and local, per pair of phases in standard; {@code presentProb} is the probability per step of a new
 * example (twin and local); {@code b} and {@code switchProb} drive local mode's phases. The trainer draws its random
 * numbers from {@code seed}; a {@code network} run builds the network and task from its seed and hands the trainer a
 * stream mixed from it, so runs of different modes with the same seed learn the same network on the same task.
 */
public record NetworkSettings(TaskKind task, int nodes, double degree, int inputs, int outputs, int examples,
                              int trainSize, int testSize, CouplingMode mode, Relaxation.Kind relax,
                              double relaxRate,
                              double switchProb, double presentProb, double b, int phaseLength, double nudge,
                              double lr, double kMin, double kMax, long steps, long evalEvery, long seed)
        implements Settings {

    public static final NetworkSettings DEFAULTS = new NetworkSettings(TaskKind.REGRESSION, 64, 4.0, 3, 2, 5, 100,
            100, CouplingMode.STANDARD, Relaxation.Kind.UNIFORM, 0.5, 0.05, 0.01, 0.5, 10, 0.1, 0.5, 1e-3, 1e3,
            100_000, 5_000, 1);

    @Override
    public void validate() {
        requireChoice("task", task, TaskKind.class);
        requireAtLeast("nodes", nodes, 8);
        require(degree >= 2 && degree <= 20 && degree <= nodes - 1, "degree", degree, "2 <= value <= 20, and <= nodes"
                + " - 1 = " + (nodes - 1L) + " (a node has at most nodes - 1 neighbours)");
        // Each of inputs and outputs leaves room for one of the other, ground and a hidden node; their sum is checked
        // against nodes below (in long: inputs + outputs can exceed an int).
        require(inputs >= 1 && inputs <= nodes - 3L, "inputs", inputs, "1 <= integer <= nodes - 3 = " + (nodes - 3L));
        require(outputs >= 1 && outputs <= nodes - 3L, "outputs", outputs, "1 <= integer <= nodes - 3 = "
                + (nodes - 3L));
        requireAtLeast("examples", examples, 1);
        requireAtLeast("train_size", trainSize, 1);
        requireAtLeast("test_size", testSize, 1);
        requireChoice("mode", mode, CouplingMode.class);
        requireChoice("relax", relax, Relaxation.Kind.class);
        requireHalfOpenUnit("relax_rate", relaxRate);
        requireHalfOpenUnit("switch_prob", switchProb);
        requireHalfOpenUnit("present_prob", presentProb);
        requireOpenUnit("b", b);
        requireAtLeast("phase_length", phaseLength, 1);
        requireHalfOpenUnit("nudge", nudge);
        requirePositive("lr", lr);
        requirePositive("k_min", kMin);
        require(kMax > 0 && kMax < Double.POSITIVE_INFINITY, "k_max", kMax, "finite value > 0, and >= k_min");
        if (kMin > kMax) {
            // Either bound may be the one typed: blame the one moved from its default, naming the other's value.
            if (kMin != DEFAULTS.kMin() || kMax == DEFAULTS.kMax()) {
                throw new InvalidSetting("k_min", kMin, "0 < value <= k_max = " + kMax);
            }
            throw new InvalidSetting("k_max", kMax, "finite value >= k_min = " + kMin);
        }
        requireAtLeast("steps", steps, 1);
        requireAtLeast("eval_every", evalEvery, 1);
        if (mode == CouplingMode.STANDARD) {
            // One standard update costs 2 phase_length sweeps: a longer phase than steps / 2 would end before any.
            require(2L * phaseLength <= steps, "phase_length", phaseLength, "1 <= integer <= steps / 2 = " + steps / 2
                    + " (one standard update costs 2 phase_length sweeps)");
        }
        long needed = task == TaskKind.REGRESSION ? (long) inputs + outputs : task.terminals(inputs, outputs);
        require(nodes >= needed + 2, "nodes", nodes, "integer >= " + (needed + 2) + " (inputs, outputs, ground and a "
                + "hidden node for task " + label(task) + ")");
        requireMemory(MemoryBudget.heap());
    }

    /**
     * Bytes per node of a degree-{@code degree} network: node coordinates (sorted points, two copies), the adjacency,
     * the potentials and their copies (state, trace, clamp, work, solver right-hand side and solution), and per edge
     * (about {@code degree / 2} per node) its endpoints, slots, conductances and their copies, and the sparse
     * Laplacian and its factor. At degree 4 this is 1 kB per node: a run of 8,000 nodes keeps 16 MB live after a full
     * collection (-Xlog:gc), of which about 8 MB is the JVM's own baseline.
     */
    static long bytesPerNode(double degree) {
        return 512 + (long) Math.ceil(128 * degree);
    }

    /**
     * What a run allocates that grows with its sizes: the network ({@link #bytesPerNode}, and one {@code double[]}
     * per node quantity, which must fit one Java array), and the task: for regression the random map
     * ({@code outputs x inputs}) and {@code examples} input and target rows; for mnist the loaded subset (10,000
     * images as bytes, scaled doubles and padded input rows; {@code train_size} and {@code test_size} only take the
     * first images, so they allocate nothing more); Iris is 150 rows.
     */
    static long bytes(long nodes, double degree, TaskKind task, long inputs, long outputs, long examples) {
        long network = MemoryBudget.plus(MemoryBudget.times(nodes, bytesPerNode(degree)),
                MemoryBudget.times(8, MemoryBudget.doubles(nodes)));
        long data = switch (task) {
            case REGRESSION -> MemoryBudget.plus(MemoryBudget.times(outputs, MemoryBudget.doubles(inputs)),
                    MemoryBudget.times(examples, MemoryBudget.plus(MemoryBudget.doubles(inputs),
                            MemoryBudget.doubles(outputs))));
            case MNIST -> MemoryBudget.times(10_000, MemoryBudget.plus(785, MemoryBudget.times(2,
                    MemoryBudget.doubles(785))));
            case IRIS -> 150 * MemoryBudget.doubles(16);
        };
        return MemoryBudget.plus(network, data);
    }

    /** Refuses sizes whose run cannot fit in {@code heapBytes}: nodes first, then the regression task's sizes. */
    void requireMemory(long heapBytes) {
        String what = "a network of " + nodes + " nodes with task " + label(task);
        MemoryBudget.requireFits("nodes", nodes, 8, n -> bytes(n, degree, task, 1, 1, 1), what, heapBytes);
        if (task == TaskKind.REGRESSION) {
            MemoryBudget.requireFits("inputs", inputs, 1, i -> bytes(nodes, degree, task, i, outputs, 1), what
                    + " and its random map", heapBytes);
            MemoryBudget.requireFits("outputs", outputs, 1, o -> bytes(nodes, degree, task, inputs, o, 1), what
                    + " and its random map", heapBytes);
            MemoryBudget.requireFits("examples", examples, 1, e -> bytes(nodes, degree, task, inputs, outputs, e),
                    what + " and " + examples + " examples of " + inputs + " inputs", heapBytes);
        }
    }

    // Copies with one setting changed: DEFAULTS.withHidden(64).withMode(...) reads as the settings it names.
    public NetworkSettings withTask(TaskKind task) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed);
    }
    public NetworkSettings withNodes(int nodes) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed);
    }
    public NetworkSettings withDegree(double degree) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed);
    }
    public NetworkSettings withInputs(int inputs) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed);
    }
    public NetworkSettings withOutputs(int outputs) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed);
    }
    public NetworkSettings withExamples(int examples) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed);
    }
    public NetworkSettings withTrainSize(int trainSize) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed);
    }
    public NetworkSettings withTestSize(int testSize) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed);
    }
    public NetworkSettings withMode(CouplingMode mode) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed);
    }
    public NetworkSettings withRelax(Relaxation.Kind relax) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed);
    }
    public NetworkSettings withRelaxRate(double relaxRate) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed);
    }
    public NetworkSettings withSwitchProb(double switchProb) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed);
    }
    public NetworkSettings withPresentProb(double presentProb) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed);
    }
    public NetworkSettings withB(double b) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed);
    }
    public NetworkSettings withPhaseLength(int phaseLength) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed);
    }
    public NetworkSettings withNudge(double nudge) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed);
    }
    public NetworkSettings withLr(double lr) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed);
    }
    public NetworkSettings withKMin(double kMin) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed);
    }
    public NetworkSettings withKMax(double kMax) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed);
    }
    public NetworkSettings withSteps(long steps) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed);
    }
    public NetworkSettings withEvalEvery(long evalEvery) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed);
    }
    public NetworkSettings withSeed(long seed) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed);
    }
}
