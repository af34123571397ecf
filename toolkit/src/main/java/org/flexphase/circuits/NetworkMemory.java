package org.flexphase.circuits;

import org.flexphase.util.MemoryBudget;

import static org.flexphase.util.InvalidSetting.label;

/**
 * What a {@code network} run allocates that grows with its sizes, so that {@link NetworkSettings#validate()} refuses
 * sizes whose run cannot fit in the heap before anything is allocated or written (the message names the setting, the
 * bytes needed and the heap, -Xmx).
 */
final class NetworkMemory {

    private NetworkMemory() {
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
            case MNIST, MNIST3 -> MemoryBudget.times(10_000, MemoryBudget.plus(785, MemoryBudget.times(2,
                    MemoryBudget.doubles(785))));
            // The teacher is a second network on the same graph (its conductances and equilibria), plus the rows.
            case TEACHER -> MemoryBudget.plus(MemoryBudget.times(nodes, bytesPerNode(degree)),
                    MemoryBudget.times(examples, MemoryBudget.plus(MemoryBudget.doubles(inputs),
                            MemoryBudget.doubles(outputs))));
            case IRIS -> 150 * MemoryBudget.doubles(16);
        };
        return MemoryBudget.plus(network, data);
    }

    /** Refuses sizes whose run cannot fit in {@code heapBytes}: nodes first, then the regression task's sizes. */
    static void require(NetworkSettings s, long heapBytes) {
        int nodes = s.nodes(), inputs = s.inputs(), outputs = s.outputs(), examples = s.examples();
        double degree = s.degree();
        TaskKind task = s.task();
        String what = "a network of " + nodes + " nodes with task " + label(task);
        MemoryBudget.requireFits("nodes", nodes, 8, n -> bytes(n, degree, task, 1, 1, 1), what, heapBytes);
        if (task == TaskKind.REGRESSION || task == TaskKind.TEACHER) {
            MemoryBudget.requireFits("inputs", inputs, 1, i -> bytes(nodes, degree, task, i, outputs, 1), what
                    + " and its random map", heapBytes);
            MemoryBudget.requireFits("outputs", outputs, 1, o -> bytes(nodes, degree, task, inputs, o, 1), what
                    + " and its random map", heapBytes);
            MemoryBudget.requireFits("examples", examples, 1, e -> bytes(nodes, degree, task, inputs, outputs, e),
                    what + " and " + examples + " examples of " + inputs + " inputs", heapBytes);
        }
    }
}
