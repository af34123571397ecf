package org.flexphase.phases;

import java.util.random.RandomGenerator;
import org.flexphase.util.Checks;

/**
 * Alternating renewal process with its own length law per phase type: each new phase is {@code +} with
 * probability {@code b} and lasts a length drawn from {@code L+} or {@code L-}. Occupancy
 * {@code rho+ = b E[L+] / (b E[L+] + (1-b) E[L-])}, which differs from {@code b} whenever the means differ.
 * With {@link #alternating} the types strictly alternate {@code +, -, +, ...} instead.
 * Consumes, when a phase begins, one {@code nextDouble()} for its type (not when alternating) and then whatever
 * its length law's {@code sample} consumes; nothing on other steps.
 *
 * <pre>{@code
 * PhaseProcess p = RenewalPhaseProcess.of(0.5, LengthLaws.fixed(5), LengthLaws.geometric(1.0 / 45));
 * double rhoPlus = p.positiveOccupancy();                      // 0.1: + phases are short
 * }</pre>
 */
public final class RenewalPhaseProcess implements PhaseProcess {
    private final double b;
    private final boolean alternate;
    private final LengthLaw plus;
    private final LengthLaw minus;
    private long remaining;
    private boolean newPhase;
    private Phase current;

    private RenewalPhaseProcess(double b, boolean alternate, LengthLaw plus, LengthLaw minus) {
        this.b = b;
        this.alternate = alternate;
        this.plus = plus;
        this.minus = minus;
    }

    /** Random phase types ({@code +} with probability {@code b}) with lengths from {@code plus} and {@code minus}. */
    public static RenewalPhaseProcess of(double b, LengthLaw plus, LengthLaw minus) {
        return new RenewalPhaseProcess(Checks.requireOpenProbability(b, "b"), false, requireLaw(plus, "plus"),
                requireLaw(minus, "minus"));
    }

    /** Strict alternation {@code +, -, +, ...} starting with {@code +}, with random lengths. */
    public static RenewalPhaseProcess alternating(LengthLaw plus, LengthLaw minus) {
        return new RenewalPhaseProcess(0.5, true, requireLaw(plus, "plus"), requireLaw(minus, "minus"));
    }

    private static LengthLaw requireLaw(LengthLaw law, String name) {
        if (law == null) {
            throw new IllegalArgumentException(name + " length law must not be null");
        }
        double mean = law.mean();
        if (!(mean >= 1 && mean < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " length law mean must be finite and >= 1: " + mean);
        }
        return law;
    }

    @Override
    public Phase next(RandomGenerator rng) {
        newPhase = remaining == 0;
        if (newPhase) {
            if (alternate) {
                current = current == Phase.POSITIVE ? Phase.NEGATIVE : Phase.POSITIVE;
            } else {
                current = rng.nextDouble() < b ? Phase.POSITIVE : Phase.NEGATIVE;
            }
            int length = (current.isPositive() ? plus : minus).sample(rng);
            if (length < 1) {
                throw new IllegalStateException("length law " + (current.isPositive() ? plus : minus).describe()
                        + " returned a length < 1: " + length);
            }
            remaining = length;
        }
        remaining--;
        return current;
    }

    @Override
    public boolean startedNewPhase() {
        return newPhase;
    }

    @Override
    public double positiveProbability() {
        return b;
    }

    @Override
    public double positiveOccupancy() {
        double p = b * plus.mean();
        return p / (p + (1 - b) * minus.mean());
    }

    @Override
    public double meanPhaseLength() {
        return b * plus.mean() + (1 - b) * minus.mean();
    }

    @Override
    public RenewalPhaseProcess copy() {
        return new RenewalPhaseProcess(b, alternate, plus, minus);
    }

    @Override
    public String describe() {
        return (alternate ? "alternating-renewal(" : "renewal(b=" + b + ", ") + "plus=" + plus.describe()
                + ", minus=" + minus.describe() + ")";
    }
}
