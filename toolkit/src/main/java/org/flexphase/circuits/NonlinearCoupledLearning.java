package org.flexphase.circuits;

import java.util.random.RandomGenerator;
import org.flexphase.learning.ContrastiveSystem;
import org.flexphase.phases.Phase;
import org.flexphase.util.Checks;

/**
 * Coupled learning of a network of nonlinear {@link Element}s (docs/theory.md section 5.2, nonlinear elements) as a
 * {@link ContrastiveSystem}. The network's conductances are the parameters and its roles the roles; the equilibrium of
 * a phase minimises the total co-content {@code E = sum_e k_e F(Delta p_e)} ({@link NewtonSolver}). The statistic is
 * {@code phi_e = -F(Delta p_e) = -dE/dk_e}, so with weights {@code +1/rho+, -1/rho-} and scale {@code 1/eta_c} the
 * two-phase rule is {@code Delta k_e = (alpha/eta_c) [F(Delta p^F_e) - F(Delta p^C_e)]}; with the linear element it
 * is {@link CoupledLearning}'s rule. Phase {@code +} holds the outputs at {@code p_O^F + eta_c (t - p_O^F)}, read by
 * the clamp controller from the exact free equilibrium when the phase begins or the example changes, as in
 * {@link CoupledLearning}.
 *
 * <p>A step relaxes at uniform rate {@code r}: {@code p <- p + r (p* - p)} at the free nodes, with {@code p*} the
 * phase's equilibrium (Newton started from the current potentials); {@code r = 1} equilibrates every step. The state
 * type is {@link CircuitState}, so the circuit trainers' presentations and the contract kit's wiring apply unchanged.
 * Every solve the controller and the cost make starts from 0 at the free nodes, so their results depend on the
 * conductances and the example only (a restored checkpoint continues bit for bit).
 */
public final class NonlinearCoupledLearning implements ContrastiveSystem<CircuitState>, CouplingLoops.System {
    private final ResistorNetwork net;
    private final Element element;
    private final CouplingTask task;
    private final double nudge;
    private final double rate;
    private final NewtonSolver freeSolver;
    private final NewtonSolver clampedSolver;
    private final boolean[] heldFree;
    private final boolean[] heldClamped;
    private final double[] work;
    private final double[] target;

    /**
     * Coupled learning of {@code net} with {@code element} on every edge, on {@code task}, nudge {@code eta_c} in
     * (0, 1], uniform relaxation at rate {@code relaxRate} in (0, 1].
     */
    public NonlinearCoupledLearning(ResistorNetwork net, Element element, CouplingTask task, double nudge,
                                    double relaxRate) {
        if (task.inputs()[0].length != net.inputCount() || task.targets()[0].length != net.outputCount()) {
            throw new IllegalArgumentException("the task has " + task.inputs()[0].length + " inputs and "
                    + task.targets()[0].length + " targets per example; the network has " + net.inputCount()
                    + " input and " + net.outputCount() + " output nodes");
        }
        this.net = net;
        this.element = java.util.Objects.requireNonNull(element, "element");
        this.task = task;
        this.nudge = Checks.requireInRange(nudge, Double.MIN_NORMAL, 1.0, "nudge");
        this.rate = Checks.requireInRange(relaxRate, Double.MIN_NORMAL, 1.0, "relax-rate");
        freeSolver = NewtonSolver.free(net, element);
        clampedSolver = NewtonSolver.clamped(net, element);
        heldFree = net.heldNodes(false);
        heldClamped = net.heldNodes(true);
        work = new double[net.graph().nodeCount()];
        target = new double[net.graph().nodeCount()];
    }

    /** The network (its conductances are the parameters). */
    public ResistorNetwork network() {
        return net;
    }

    /** The element on every edge. */
    public Element element() {
        return element;
    }

    /** The task. */
    public CouplingTask task() {
        return task;
    }

    /** The nudge amplitude {@code eta_c}. */
    public double nudge() {
        return nudge;
    }

    /** The uniform relaxation rate {@code r}. */
    public double relaxRate() {
        return rate;
    }

    @Override
    public double[] parameters() {
        return net.conductances();
    }

    @Override
    public CircuitState newState() {
        return new CircuitState(net.graph().nodeCount(), net.outputCount());
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
        double[] p = state.potentials;
        writeHeld(p, phase.isPositive(), task.input(m), state.clamp);
        System.arraycopy(p, 0, target, 0, p.length);
        (phase.isPositive() ? clampedSolver : freeSolver).solve(target);
        boolean[] held = phase.isPositive() ? heldClamped : heldFree;
        for (int i = 0; i < p.length; i++) {
            if (!held[i]) {
                p[i] = rate == 1 ? target[i] : p[i] + rate * (target[i] - p[i]);
            }
        }
    }

    private void writeHeld(double[] p, boolean clamped, double[] x, double[] clamp) {
        for (int s = 0; s < x.length; s++) {
            p[net.input(s)] = x[s];
        }
        p[net.ground()] = 0;
        if (clamped) {
            for (int o = 0; o < clamp.length; o++) {
                p[net.output(o)] = clamp[o];
            }
        }
    }

    @Override
    public void addStatistic(CircuitState state, double weight, double[] target) {
        double[] p = state.potentials;
        Graph g = net.graph();
        for (int e = 0; e < target.length; e++) {
            target[e] -= weight * element.coContent(p[g.from(e)] - p[g.to(e)]);
        }
    }

    /** Keeps the conductances in {@code [kMin, kMax]}. */
    @Override
    public void parametersChanged() {
        net.projectConductances();
    }

    /** Writes the free equilibrium for example {@code m} into {@code p} (all nodes; Newton from 0). */
    public void freeEquilibrium(int m, double[] p) {
        freeEquilibrium(task.input(m), p);
    }

    /** Writes the free equilibrium for input potentials {@code x} into {@code p} (all nodes; Newton from 0). */
    public void freeEquilibrium(double[] x, double[] p) {
        java.util.Arrays.fill(p, 0.0);
        writeHeld(p, false, x, null);
        freeSolver.solve(p);
    }

    /** Writes the clamped equilibrium for example {@code m} (outputs at the nudged free outputs) into {@code p}. */
    public void clampedEquilibrium(int m, double[] p) {
        double[] clamp = new double[net.outputCount()];
        nudgedOutputs(m, clamp);
        clampedEquilibrium(m, clamp, p);
    }

    /** Writes the clamped equilibrium for example {@code m} with the outputs held at {@code clamp} into {@code p}. */
    public void clampedEquilibrium(int m, double[] clamp, double[] p) {
        java.util.Arrays.fill(p, 0.0);
        writeHeld(p, true, task.input(m), clamp);
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
            double y = p[net.output(o)];
            clamp[o] = y + nudge * (t[o] - y);
        }
    }

    /** Cost of example {@code m} at the free equilibrium: {@code 1/2 sum_O (p_O^F - t_O)^2}. */
    public double cost(int m) {
        freeEquilibrium(m, work);
        double[] t = task.target(m);
        double c = 0;
        for (int o = 0; o < t.length; o++) {
            double d = work[net.output(o)] - t[o];
            c += d * d;
        }
        return 0.5 * c;
    }

    /** Mean cost over the task's examples. */
    public double cost() {
        double c = 0;
        for (int m = 0; m < task.size(); m++) {
            c += cost(m);
        }
        return c / task.size();
    }

    /** Adds {@code weight * (1/eta_c) [F(Delta pf) - F(Delta pc)]} per edge into {@code target}. */
    public void addRule(double[] pf, double[] pc, double weight, double[] target) {
        Graph g = net.graph();
        double w = weight / nudge;
        for (int e = 0; e < target.length; e++) {
            target[e] += w * (element.coContent(pf[g.from(e)] - pf[g.to(e)])
                    - element.coContent(pc[g.from(e)] - pc[g.to(e)]));
        }
    }

    /** Adds example {@code m}'s rule with equilibrated phases, times {@code weight}, into {@code target}. */
    public void addTwoPhaseUpdate(int m, double weight, double[] target) {
        double[] pf = new double[work.length];
        double[] pc = new double[work.length];
        freeEquilibrium(m, pf);
        double[] clamp = new double[net.outputCount()];
        nudgedFrom(pf, m, clamp);
        clampedEquilibrium(m, clamp, pc);
        addRule(pf, pc, weight, target);
    }

    /** The two-phase rule averaged over the examples (uniformly): the mean update flexible phases should follow. */
    public double[] twoPhaseUpdate() {
        double[] u = new double[net.graph().edgeCount()];
        for (int m = 0; m < task.size(); m++) {
            addTwoPhaseUpdate(m, 1.0 / task.size(), u);
        }
        return u;
    }

    /**
     * The outputs' differential conductance matrix at example {@code m}'s free equilibrium, {@code H_m}: the Hessian of
     * the least co-content with the outputs held at {@code y}, at {@code y = p_O^F}; equivalently the effective
     * conductance matrix ({@link CoupledLearning#outputConductance}) of the linear network with conductances
     * {@code k_e F''(Delta p^F_e)}. The nonlinear rule follows the cost gradient in this metric (docs/theory.md T14').
     */
    public double[][] outputConductance(int m) {
        double[] pf = new double[work.length];
        freeEquilibrium(m, pf);
        double[] k = net.conductances();
        double[] w = new double[k.length];
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        Graph g = net.graph();
        for (int e = 0; e < k.length; e++) {
            w[e] = k[e] * element.curvature(pf[g.from(e)] - pf[g.to(e)]);
            lo = Math.min(lo, w[e]);
            hi = Math.max(hi, w[e]);
        }
        ResistorNetwork small = new ResistorNetwork(g, w, lo, hi, net.inputs(), net.ground(), net.outputs());
        EquilibriumSolver solver = EquilibriumSolver.clamped(small);
        int outs = net.outputCount();
        double[][] h = new double[outs][outs];
        double[] p = new double[work.length];
        for (int o2 = 0; o2 < outs; o2++) {
            java.util.Arrays.fill(p, 0.0);
            p[net.output(o2)] = 1.0;
            solver.solve(p);
            for (int o = 0; o < outs; o++) {
                h[o][o2] = small.netCurrent(net.output(o), p);
            }
        }
        return h;
    }
}
