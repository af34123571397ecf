package org.flexphase.circuits;

import java.util.random.RandomGenerator;
import org.flexphase.util.Checks;
import org.flexphase.util.Rngs;

/**
 * What a network is asked to learn: examples {@code m} with input potentials {@code inputs[m]} (one per input node) and
 * target potentials {@code targets[m]} (one per output node). The cost of a network is the mean over examples of
 * {@code C_m = 1/2 sum_O (p_O^F - t_O)^2} at the free equilibrium.
 */
public record CouplingTask(double[][] inputs, double[][] targets) {

    /** Checks that examples, inputs and targets line up and are finite. */
    public CouplingTask {
        if (inputs.length == 0 || inputs.length != targets.length) {
            throw new IllegalArgumentException("a task needs as many target rows as input rows (and at least one), got "
                    + inputs.length + " and " + targets.length);
        }
        for (int m = 0; m < inputs.length; m++) {
            if (inputs[m].length != inputs[0].length || targets[m].length != targets[0].length
                    || !Checks.allFinite(inputs[m]) || !Checks.allFinite(targets[m])) {
                throw new IllegalArgumentException("example " + m + " has a ragged or non-finite row");
            }
        }
    }

    /**
     * A random linear map after Stern et al. 2021: {@code examples} input vectors uniform in {@code [-1, 1]^nIn} and
     * targets {@code t = M x} with {@code M_os = u_os / nIn}, {@code u} uniform in [0, 1): non-negative weights summing
     * to less than 1 per output, the kind of map a resistor network with a grounded node can realise.
     */
    public static CouplingTask randomLinear(int nIn, int nOut, int examples, long seed) {
        Checks.requireAtLeast(examples, 1, "examples");
        RandomGenerator rng = Rngs.create(seed);
        double[][] map = new double[nOut][nIn];
        for (double[] row : map) {
            for (int s = 0; s < nIn; s++) {
                row[s] = rng.nextDouble() / nIn;
            }
        }
        double[][] x = new double[examples][nIn];
        double[][] t = new double[examples][nOut];
        for (int m = 0; m < examples; m++) {
            for (int s = 0; s < nIn; s++) {
                x[m][s] = 2 * rng.nextDouble() - 1;
            }
            for (int o = 0; o < nOut; o++) {
                for (int s = 0; s < nIn; s++) {
                    t[m][o] += map[o][s] * x[m][s];
                }
            }
        }
        return new CouplingTask(x, t);
    }

    /**
     * A task the network can realise exactly (a teacher task): {@code examples} input vectors uniform in
     * {@code [-1, 1]^nIn}, and targets the free outputs of a teacher, the same graph and roles as {@code student}
     * with conductances drawn log-uniformly in {@code [k0 / spread, k0 spread]} ({@code k0 = 1}, clipped to the
     * student's box). The student's conductances are then a point of zero cost inside its box, so the floor of exact
     * gradient descent is 0 and costs can fall by orders of magnitude. Draws the inputs first, then the conductances,
     * from {@code seed}.
     */
    public static CouplingTask teacher(ResistorNetwork student, int examples, double spread, long seed) {
        return teacher(student, Element.LINEAR, examples, spread, seed);
    }

    /**
     * As {@link #teacher(ResistorNetwork, int, double, long)} with {@code element} on every edge of the teacher: the
     * targets are the teacher's free outputs at its nonlinear equilibrium ({@link NewtonSolver}, from 0), so a student
     * with the same element has a point of zero cost inside its box. The linear element takes the linear solve, bit
     * for bit the targets of the resistor teacher. Same random draws, in the same order, whatever the element.
     * Nonlinear teachers hold node inputs (no edge terminals).
     */
    public static CouplingTask teacher(ResistorNetwork student, Element element, int examples, double spread,
                                       long seed) {
        java.util.Objects.requireNonNull(element, "element");
        if (!element.isLinear() && student.edgeTerminals()) {
            throw new IllegalArgumentException("a nonlinear teacher holds node inputs; this network has edge terminals");
        }
        Checks.requireAtLeast(examples, 1, "examples");
        double[][] x = new double[examples][student.inputCount()];
        ResistorNetwork teacher = teacherNetwork(student, x, spread, seed);
        double[][] t = new double[examples][student.outputCount()];
        if (!element.isLinear()) {
            NonlinearCoupledLearning nonlinear = new NonlinearCoupledLearning(teacher, element,
                    new CouplingTask(x, t), 1, 1);
            double[] p = new double[teacher.graph().nodeCount()];
            for (int m = 0; m < examples; m++) {
                nonlinear.freeEquilibrium(x[m], p);
                for (int o = 0; o < t[m].length; o++) {
                    t[m][o] = teacher.outputValue(o, p);
                }
            }
            return new CouplingTask(x, t);
        }
        EquilibriumSolver solver = EquilibriumSolver.free(teacher);
        double[] p = new double[teacher.graph().nodeCount()];
        for (int m = 0; m < examples; m++) {
            for (int s = 0; s < x[m].length; s++) {
                if (teacher.edgeTerminals()) {
                    p[teacher.inputPartner(s)] = p[teacher.input(s)] - x[m][s];
                } else {
                    p[teacher.input(s)] = x[m][s];
                }
            }
            p[teacher.ground()] = 0;
            solver.solve(p);
            for (int o = 0; o < t[m].length; o++) {
                t[m][o] = teacher.outputValue(o, p);
            }
        }
        return new CouplingTask(x, t);
    }

    /**
     * The teacher of {@link #teacher}{@code (student, element, examples, spread, seed)}: the student's graph and roles
     * with the teacher's conductances (the same draws; {@code examples} fixes how many inputs precede them).
     */
    public static ResistorNetwork teacherNetwork(ResistorNetwork student, int examples, double spread, long seed) {
        Checks.requireAtLeast(examples, 1, "examples");
        return teacherNetwork(student, new double[examples][student.inputCount()], spread, seed);
    }

    /** Draws the inputs into {@code x}, then the teacher's conductances, from {@code seed}; returns the teacher. */
    private static ResistorNetwork teacherNetwork(ResistorNetwork student, double[][] x, double spread, long seed) {
        if (!(spread >= 1 && spread < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("spread must be a finite value >= 1: " + spread);
        }
        RandomGenerator rng = Rngs.create(seed);
        for (double[] row : x) {
            for (int s = 0; s < row.length; s++) {
                row[s] = 2 * rng.nextDouble() - 1;
            }
        }
        double[] k = new double[student.graph().edgeCount()];
        double log = Math.log(spread);
        for (int e = 0; e < k.length; e++) {
            k[e] = Math.min(student.kMax(), Math.max(student.kMin(), Math.exp(log * (2 * rng.nextDouble() - 1))));
        }
        return student.withConductances(k);
    }

    /** Number of examples. */
    public int size() {
        return inputs.length;
    }

    /** Input potentials of example {@code m} (live). */
    public double[] input(int m) {
        return inputs[m];
    }

    /** Targets of example {@code m} (live). */
    public double[] target(int m) {
        return targets[m];
    }
}
