package org.flexphase.verify;

import java.util.Locale;

/** The checks of the contract kit, in the order they run; {@link #key()} is the name a report prints. */
public enum Check {
    /** (a) The production loop's time-averaged increment at frozen parameters equals the reference mean update. */
    MEAN_UPDATE,
    /** (b) Two runs of the production loop with the same seed end with bit-identical parameters. */
    SAME_SEED_SAME_BITS,
    /** (c) Run, checkpoint (parameters, state copy, generator copy), disturb, restore, continue: same bits as one run. */
    CHECKPOINT_RESTORE,
    /** (d) A statistic poisoned with NaN stops the run and leaves the last checkpoint's finite parameters. */
    NON_FINITE_STOP,
    /** (e) The bias of the local rule against the switching probability p is O(p), or zero within noise. */
    BIAS_ORDER,
    /**
     * (f) A learning run under a decaying schedule, checked after every update: parameters finite and inside the
     * declared box, the Polyak average finite, the step, update and phase counters consistent, and the rate read off
     * the parameters' change equal to the schedule's at the step count.
     */
    AFTER_EVERY_UPDATE;

    /** The check's name in reports, e.g. {@code mean-update}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
