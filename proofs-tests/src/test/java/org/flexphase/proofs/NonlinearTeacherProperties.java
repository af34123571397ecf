package org.flexphase.proofs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.flexphase.circuits.CouplingTask;
import org.flexphase.circuits.Element;
import org.flexphase.circuits.NonlinearCoupledLearning;
import org.flexphase.circuits.ResistorNetwork;
import org.flexphase.proofs.CircuitGenerators.Circuit;
import org.junit.jupiter.api.Test;

/**
 * The nonlinear teacher task is realisable (docs/theory.md section 5.2, nonlinear elements): with the element
 * {@code F(v) = v^2/2 + c log cosh v} on every edge, {@link CouplingTask#teacher(ResistorNetwork, Element, int, double,
 * long)} takes its targets from a teacher of the student's graph and element, so at the teacher's conductances
 * ({@link CouplingTask#teacherNetwork}) the student's cost is 0 to Newton's tolerance and the teacher is a fixed point
 * of coupled learning (free outputs on target: the clamp equals the free state and the two-phase rule vanishes). Most
 * students' starting conductances are not a zero (cost above rounding; a student whose outputs no conductance moves
 * can start at one), so the check has power; a teacher whose
 * targets came from the linear equilibrium leaves cost about 1e-5 at the teacher. Circuits of 8-20 nodes (geometric or
 * lattice), c in (-0.9, 5), 1-3 examples, spreads 2-10.
 */
class NonlinearTeacherProperties {

    @Test
    void theTeacherIsAZeroAndAFixedPointOfItsOwnElement() {
        AtomicReference<double[]> worst = new AtomicReference<>(new double[]{0, 0});
        AtomicInteger away = new AtomicInteger();
        Proofs.qt(60).forAll(CircuitGenerators.circuits(8, 20, 3), doubles().between(-0.9, 5.0),
                doubles().between(2.0, 10.0), longs().between(1, 1_000_000)).checkAssert((c, ec, spread, seed) -> {
            ResistorNetwork student = c.net();
            Element element = Element.saturating(ec);
            int examples = c.task().size();
            CouplingTask task = CouplingTask.teacher(student, element, examples, spread, seed);
            ResistorNetwork teacher = CouplingTask.teacherNetwork(student, examples, spread, seed);
            NonlinearCoupledLearning atTeacher = new NonlinearCoupledLearning(teacher, element, task, 0.1, 1);
            NonlinearCoupledLearning atStart = new NonlinearCoupledLearning(student, element, task, 0.1, 1);
            double scale = 0;
            for (double[] t : task.targets()) {
                for (double v : t) {
                    scale = Math.max(scale, v * v);
                }
            }
            double cost = atTeacher.cost();
            double rule = Averages.maxAbs(atTeacher.twoPhaseUpdate());
            String at = String.format(Locale.ROOT, "%s, c %.4g, spread %.3g, seed %d", c, ec, spread, seed);
            assertTrue(cost <= 1e-20 * (1 + scale), "cost at the teacher " + cost + " at " + at);
            assertTrue(rule <= 1e-8, "two-phase rule at the teacher " + rule + " at " + at);
            worst.accumulateAndGet(new double[]{cost, rule}, (a, b) -> new double[]{Math.max(a[0], b[0]),
                    Math.max(a[1], b[1])});
            if (atStart.cost() > 1e-12 * (1 + scale)) {
                away.incrementAndGet();
            }
        });
        System.out.printf(Locale.ROOT, "nonlinear teacher: worst cost at the teacher %.2e, worst rule %.2e; %d of 60 "
                + "students started away from a zero%n", worst.get()[0], worst.get()[1], away.get());
        assertTrue(away.get() >= 30, "only " + away.get() + " of 60 students started away from a zero");
    }
}
