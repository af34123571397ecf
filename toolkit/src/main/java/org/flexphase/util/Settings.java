package org.flexphase.util;

/**
 * Everything that determines one run of a family, as a record its trainer takes: checked by {@link #validate()}
 * (an {@link InvalidSetting} naming the first setting out of range) before anything runs, and seeded. A spec binds
 * such a record strictly and a command line fills it from its options; the edge registers each record as a run kind.
 */
public interface Settings {
    long seed();

    /** Throws an {@link InvalidSetting} for the first setting out of range, before anything runs. */
    void validate();
}
