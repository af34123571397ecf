package org.flexphase.circuits;

import java.util.random.RandomGenerator;
import org.flexphase.learning.ContrastiveSystem;
import org.flexphase.learning.TraceGate;
import org.flexphase.phases.Phase;
import org.flexphase.util.Checks;

/**
 * Coupled learning of a {@link ResistorNetwork} (docs/theory.md section 5.2) as a {@link ContrastiveSystem}: the
 * parameters are the conductances, a step is one {@link Relaxation} sweep of the current phase, and the statistic is
 * {@code phi_e = -1/2 (Delta p_e)^2 = -dP/dk_e}. Phase {@code +} holds the outputs at the nudged value
 * {@code p_O^C = p_O^F + eta_c (t - p_O^F)}, phase {@code -} leaves them free. With weights {@code +1/rho+, -1/rho-}
 * and scale {@code 1/eta_c}, the mean increment is the coupled-learning rule
 * {@code (1/eta_c) 1/2 [(Delta p^F)^2 - (Delta p^C)^2]}.
 *
 * <p>Where the clamp's {@code p_O^F} comes from: the clamp is a controller outside the network. When a {@code +} phase
 * begins, or the example changes during one, it reads the free response of the network to the current example at the
 * current conductances (the exact equilibrium, {@link #freeEquilibrium}; in hardware, a measurement of the free
 * outputs taken before the clamp closes) and holds the nudged value until the phase ends. So at frozen conductances
 * the clamp of example {@code m} is a constant, and the sweep is an affine map of the potentials.
 */
public final class CoupledLearning implements ContrastiveSystem<CircuitState>, CouplingLoops.System {
    private final ResistorNetwork net;
    private final CouplingTask task;
    private final double nudge;
    private final Relaxation relaxation;
    private final EquilibriumSolver freeSolver;
    private final EquilibriumSolver clampedSolver;
    private final boolean[] heldFree;
    private final boolean[] heldClamped;
    private final double[] work;
    private double traceTau;
    private TraceGate gate = TraceGate.ALWAYS;
    private int holdAfter;
    private double powerWeight;

    /** Coupled learning with Jacobi relaxation at rate {@code relaxRate}. */
    public CoupledLearning(ResistorNetwork net, CouplingTask task, double nudge, double relaxRate) {
        this(net, task, nudge, Relaxation.Kind.JACOBI, relaxRate);
    }

    /**
     * Coupled learning of {@code net} on {@code task} with nudge amplitude {@code nudge} in (0, 1] and relaxation of the
     * given kind and rate.
     */
    public CoupledLearning(ResistorNetwork net, CouplingTask task, double nudge, Relaxation.Kind relax,
                           double relaxRate) {
        this(net, task, nudge, relax, relaxRate, Double.NaN, Double.NaN);
    }

    /**
     * Coupled learning of {@code net} on {@code task} with nudge amplitude {@code nudge} in (0, 1] and relaxation of the
     * given kind: {@code relaxRate} is read by uniform and Jacobi relaxation, {@code gamma} and {@code dt} by the
     * continuous-time {@link Relaxation.Kind#ODE} ({@link Relaxation#of}).
     */
    public CoupledLearning(ResistorNetwork net, CouplingTask task, double nudge, Relaxation.Kind relax,
                           double relaxRate, double gamma, double dt) {
        if (task.inputs()[0].length != net.inputCount() || task.targets()[0].length != net.outputCount()) {
            throw new IllegalArgumentException("the task has " + task.inputs()[0].length + " inputs and "
                    + task.targets()[0].length + " targets per example; the network has " + net.inputCount()
                    + " input and " + net.outputCount() + " output nodes");
        }
        this.net = net;
        this.task = task;
        this.nudge = Checks.requireInRange(nudge, Double.MIN_NORMAL, 1.0, "nudge");
        this.relaxation = Relaxation.of(net, relax, relaxRate, gamma, dt);
        freeSolver = EquilibriumSolver.free(net);
        clampedSolver = EquilibriumSolver.clamped(net);
        heldFree = net.heldNodes(false);
        heldClamped = net.heldNodes(true);
        work = new double[net.graph().nodeCount()];
    }

    /**
     * A new system on the same network and task whose statistic is centred on a per-node potential trace of time
     * constant {@code tau} steps ({@code >= 1}), taken in as {@code gate} says (docs/theory.md section 5.3):
     * {@code phi_e = -1/2 [(Delta p_e)^2 - (Delta r_e)^2]}. With {@link TraceGate#FREE_ONLY} the trace is held through
     * clamped phases, so at the free equilibrium {@code (Delta r_e)^2 = (Delta p^F_e)^2} and a clamped step's centred
     * statistic is the two-phase rule's; with {@link TraceGate#FREE_ONLY_NUDGED_TERM} only clamped steps learn.
     * Storage: one number per node, against standard coupled learning's held free potentials (one per node) and twin
     * networks' second network. Shares the conductances with this system.
     */
    public CoupledLearning withTrace(double tau, TraceGate gate) {
        return withTrace(tau, gate, 0);
    }

    /**
     * As {@link #withTrace(double, TraceGate)}, and a clamped step learns only once {@code holdAfter} free steps of the
     * current example have run (the hold is valid for this example; 0: no condition; docs/theory.md section 5.3).
     */
    public CoupledLearning withTrace(double tau, TraceGate gate, int holdAfter) {
        Checks.requireAtLeast(holdAfter, 0, "hold-after");
        if (!(tau >= 1 && Double.isFinite(tau))) {
            throw new IllegalArgumentException("trace-tau must be a finite value >= 1: " + tau);
        }
        CoupledLearning c = new CoupledLearning(net, task, nudge, relaxation.kind(), relaxation.rate(),
                relaxation.gamma(), relaxation.dt());
        c.traceTau = tau;
        c.gate = java.util.Objects.requireNonNull(gate, "gate");
        c.holdAfter = holdAfter;
        c.powerWeight = powerWeight;
        return c;
    }

    /**
     * A new system on the same network and task that learns the cost plus {@code lambda} times the dissipated power at
     * the free equilibrium, {@code C + lambda P^F} with {@code P = 1/2 sum_e k_e (Delta p_e)^2} (docs/theory.md
     * section 5.2, "Power"): at fixed input potentials {@code dP^F/dk_e = 1/2 (Delta p^F_e)^2} (the free nodes sit at
     * the minimum of {@code P}, so moving them changes it only to second order), so {@link #addRule} gains the local
     * term {@code -lambda 1/2 (Delta p^F_e)^2}. {@code lambda = 0} is the plain rule. Shares the conductances.
     */
    public CoupledLearning withPowerWeight(double lambda) {
        if (!(lambda >= 0 && lambda < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("power weight must be a finite value >= 0: " + lambda);
        }
        CoupledLearning c = new CoupledLearning(net, task, nudge, relaxation.kind(), relaxation.rate(),
                relaxation.gamma(), relaxation.dt());
        c.traceTau = traceTau;
        c.gate = gate;
        c.holdAfter = holdAfter;
        c.powerWeight = lambda;
        return c;
    }

    /** The weight {@code lambda} of the free power in the learned objective {@code C + lambda P^F} (0: off). */
    public double powerWeight() {
        return powerWeight;
    }

    /** The trace's time constant in steps (0: no trace). */
    public double traceTau() {
        return traceTau;
    }

    /** Free steps of the current example a clamped step waits for before it learns (0: none). */
    public int holdAfter() {
        return holdAfter;
    }

    /** When the trace takes in the potentials. */
    public TraceGate traceGate() {
        return gate;
    }

    /** The network (its conductances are the parameters). */
    public ResistorNetwork network() {
        return net;
    }

    /** The task. */
    public CouplingTask task() {
        return task;
    }

    /** The nudge amplitude {@code eta_c}. */
    public double nudge() {
        return nudge;
    }

    /** The relaxation dynamics. */
    public Relaxation relaxation() {
        return relaxation;
    }

    @Override
    public double[] parameters() {
        return net.conductances();
    }

    @Override
    public CircuitState newState() {
        return new CircuitState(net.graph().nodeCount(), net.outputCount());
    }

    /** The nodes held in {@code phase} (live; do not modify). */
    boolean[] held(Phase phase) {
        return phase.isPositive() ? heldClamped : heldFree;
    }

    @Override
    public void step(CircuitState state, Phase phase, RandomGenerator rng) {
        int m = state.example;
        if (m < 0) {
            throw new IllegalStateException("no example shown before the first step");
        }
        if (phase.isPositive()) {
            if (state.clampExample != m) {
                nudgedOutputs(m, state.clamp);
                state.clampExample = m;
            }
        } else {
            state.clampExample = -1;
        }
        if (traceTau > 0) {
            state.updateTrace(traceTau, gate.takesIn(!phase.isPositive()));
        }
        writeHeld(state.potentials, phase, m, state.clamp);
        relaxation.sweep(state.potentials, held(phase), phase.isPositive());
    }

    /** Writes the held potentials of {@code phase} for example {@code m}: inputs, ground 0, and in + the clamp. */
    void writeHeld(double[] p, Phase phase, int m, double[] clamp) {
        writeHeld(p, phase, task.input(m), clamp);
    }

    private void writeHeld(double[] p, Phase phase, double[] x, double[] clamp) {
        if (net.edgeTerminals()) {
            writeDrops(p, phase, x, clamp);
            return;
        }
        for (int s = 0; s < x.length; s++) {
            p[net.input(s)] = x[s];
        }
        p[net.ground()] = 0;
        if (phase.isPositive()) {
            for (int o = 0; o < clamp.length; o++) {
                p[net.output(o)] = clamp[o];
            }
        }
    }

    /**
     * Edge terminals: each source edge's drop is written by moving its partner node, {@code p_partner = p_node - x}
     * (the solver keeps the drop and moves the pair together), likewise each output edge's clamp in {@code +}.
     */
    private void writeDrops(double[] p, Phase phase, double[] x, double[] clamp) {
        for (int s = 0; s < x.length; s++) {
            p[net.inputPartner(s)] = p[net.input(s)] - x[s];
        }
        p[net.ground()] = 0;
        if (phase.isPositive()) {
            for (int o = 0; o < clamp.length; o++) {
                p[net.outputPartner(o)] = p[net.output(o)] - clamp[o];
            }
        }
    }

    /** As {@link #step} then {@link #addStatistic}, with the weight 0 in free steps of the nudged-term rule. */
    @Override
    public void stepAndAddStatistic(CircuitState state, Phase phase, RandomGenerator rng, double weight,
                                    double[] target) {
        step(state, phase, rng);
        boolean free = !phase.isPositive();
        if (free) {
            state.freeStepsOfExample++;
        }
        addStatistic(state, gate.learns(traceTau > 0, free, state.freeStepsOfExample, holdAfter) ? weight : 0, target);
    }

    @Override
    public void addStatistic(CircuitState state, double weight, double[] target) {
        double[] p = state.potentials;
        Graph g = net.graph();
        if (traceTau > 0 && state.trace != null) {
            double[] r = state.trace;
            for (int e = 0; e < target.length; e++) {
                double d = p[g.from(e)] - p[g.to(e)];
                double dr = r[g.from(e)] - r[g.to(e)];
                target[e] -= 0.5 * weight * (d * d - dr * dr);
            }
            return;
        }
        for (int e = 0; e < target.length; e++) {
            double d = p[g.from(e)] - p[g.to(e)];
            target[e] -= 0.5 * weight * d * d;
        }
    }

    /** Keeps the conductances in {@code [kMin, kMax]}. */
    @Override
    public void parametersChanged() {
        net.projectConductances();
    }

    /** Writes the free equilibrium for example {@code m} into {@code p} (all nodes). */
    public void freeEquilibrium(int m, double[] p) {
        writeHeld(p, Phase.NEGATIVE, m, null);
        freeSolver.solve(p);
    }

    /** The free equilibrium's output potentials for input potentials {@code x} (any input, not only the task's). */
    public double[] freeOutputs(double[] x) {
        writeHeld(work, Phase.NEGATIVE, x, null);
        freeSolver.solve(work);
        double[] y = new double[net.outputCount()];
        for (int o = 0; o < y.length; o++) {
            y[o] = net.outputValue(o, work);
        }
        return y;
    }

    /** Writes the clamped equilibrium for example {@code m} (outputs at the nudged free outputs) into {@code p}. */
    public void clampedEquilibrium(int m, double[] p) {
        double[] clamp = new double[net.outputCount()];
        nudgedOutputs(m, clamp);
        clampedEquilibrium(m, clamp, p);
    }

    /** Writes the clamped equilibrium for example {@code m} with the outputs held at {@code clamp} into {@code p}. */
    public void clampedEquilibrium(int m, double[] clamp, double[] p) {
        writeHeld(p, Phase.POSITIVE, m, clamp);
        clampedSolver.solve(p);
    }

    /** The clamp of example {@code m}: {@code p_O^F + eta_c (t - p_O^F)} from the exact free equilibrium. */
    public void nudgedOutputs(int m, double[] clamp) {
        freeEquilibrium(m, work);
        nudgedFrom(work, m, clamp);
    }

    /** The clamp {@code p_O + eta_c (t - p_O)} computed from the outputs of the potentials {@code p}. */
    public void nudgedFrom(double[] p, int m, double[] clamp) {
        double[] t = task.target(m);
        for (int o = 0; o < clamp.length; o++) {
            double y = net.outputValue(o, p);
            clamp[o] = y + nudge * (t[o] - y);
        }
    }

    /** Cost of example {@code m} at the free equilibrium: {@code 1/2 sum_O (p_O^F - t_O)^2}. */
    public double cost(int m) {
        freeEquilibrium(m, work);
        double[] t = task.target(m);
        double c = 0;
        for (int o = 0; o < t.length; o++) {
            double d = net.outputValue(o, work) - t[o];
            c += d * d;
        }
        return 0.5 * c;
    }

    /** Dissipated power {@code P = 1/2 sum_e k_e (Delta p_e)^2} at the free equilibrium of example {@code m}. */
    public double power(int m) {
        freeEquilibrium(m, work);
        return net.power(work);
    }

    /** Mean free power over the task's examples: the term {@code lambda} weighs in the learned objective. */
    public double power() {
        double s = 0;
        for (int m = 0; m < task.size(); m++) {
            s += power(m);
        }
        return s / task.size();
    }

    /** Mean cost over the task's examples. */
    public double cost() {
        double c = 0;
        for (int m = 0; m < task.size(); m++) {
            c += cost(m);
        }
        return c / task.size();
    }

    /**
     * Adds the coupled-learning rule of example {@code m} with equilibrated phases,
     * {@code weight * (1/eta_c) 1/2 [(Delta p^F)^2 - (Delta p^C)^2]}, into {@code target}.
     */
    public void addTwoPhaseUpdate(int m, double weight, double[] target) {
        double[] pf = new double[work.length];
        double[] pc = new double[work.length];
        freeEquilibrium(m, pf);
        clampedEquilibrium(m, pc);
        addRule(pf, pc, weight, target);
    }

    /**
     * Adds {@code weight * (1/eta_c) 1/2 [(Delta pf)^2 - (Delta pc)^2]} per edge into {@code target}, and with a power
     * weight {@code lambda > 0} ({@link #withPowerWeight}) the power's descent term
     * {@code -weight lambda 1/2 (Delta pf)^2}.
     */
    public void addRule(double[] pf, double[] pc, double weight, double[] target) {
        Graph g = net.graph();
        double w = 0.5 * weight / nudge;
        if (powerWeight != 0) {
            double wp = 0.5 * weight * powerWeight;
            for (int e = 0; e < target.length; e++) {
                double df = pf[g.from(e)] - pf[g.to(e)];
                double dc = pc[g.from(e)] - pc[g.to(e)];
                target[e] += w * (df * df - dc * dc) - wp * df * df;
            }
            return;
        }
        for (int e = 0; e < target.length; e++) {
            double df = pf[g.from(e)] - pf[g.to(e)];
            double dc = pc[g.from(e)] - pc[g.to(e)];
            target[e] += w * (df * df - dc * dc);
        }
    }

    /** The two-phase update averaged over the examples (uniformly): the mean update the phases should follow. */
    public double[] twoPhaseUpdate() {
        double[] u = new double[net.graph().edgeCount()];
        for (int m = 0; m < task.size(); m++) {
            addTwoPhaseUpdate(m, 1.0 / task.size(), u);
        }
        return u;
    }

    /**
     * The effective conductance matrix of the outputs, {@code H}: {@code H[o][o']} is the current leaving output
     * {@code o} when output {@code o'} is held at 1, the other outputs, the inputs and the ground at 0, and the hidden
     * nodes are in equilibrium (the Schur complement of the free-phase Laplacian onto the outputs; symmetric positive
     * definite). Coupled learning's hard clamp follows the cost gradient measured in this metric (docs/theory.md T14).
     * With edge terminals the same with drops: the current through output edge {@code o}'s source when output edge
     * {@code o'} is held at drop 1 and every other terminal at drop 0.
     */
    public double[][] outputConductance() {
        int outs = net.outputCount();
        double[][] h = new double[outs][outs];
        double[] p = new double[net.graph().nodeCount()];
        for (int o2 = 0; o2 < outs; o2++) {
            java.util.Arrays.fill(p, 0.0);
            if (net.edgeTerminals()) {
                p[net.outputPartner(o2)] = -1.0; // the drop across output edge o2 is 1
            } else {
                p[net.output(o2)] = 1.0;
            }
            clampedSolver.solve(p);
            for (int o = 0; o < outs; o++) {
                h[o][o2] = net.netCurrent(net.output(o), p);
            }
        }
        return h;
    }

    /**
     * Whether the free state {@code p} classifies example {@code m} right: the output with the largest value is the one
     * whose target is largest (a classification task's true class, {@link Classification}). The rule of
     * update-on-error (docs/theory.md section 5.2): an example the free network already classifies makes no update.
     */
    public boolean classifiesRight(double[] p, int m) {
        double[] t = task.target(m);
        int best = 0;
        int truth = 0;
        for (int o = 1; o < t.length; o++) {
            best = net.outputValue(o, p) > net.outputValue(best, p) ? o : best;
            truth = t[o] > t[truth] ? o : truth;
        }
        return best == truth;
    }
}
