package org.flexphase.cli;

/**
 * A command that can check its options without running: every range check the command makes before it writes or
 * computes anything, in the same order and wording (an {@link org.flexphase.util.InvalidSetting} or a picocli
 * {@code ParameterException} naming the option). {@link Main#check} runs it instead of the command (a dry run the
 * hostile-input tests use), and {@link RangedTypeErrors} probes it to state an option's range on a type error.
 */
interface CheckedOptions {
    /** Throws as the command would on its options; writes nothing, runs nothing. */
    void checkOptions();
}
