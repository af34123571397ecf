package org.flexphase.experiments.mnist;

/**
 * Budgets of the MNIST figures. {@code quick} keeps the whole {@code reproduce --profile quick} within 10 minutes
 * on 2 cores: one epoch of Forward-Forward per run and cheap intermediate evaluations. {@code full} is
 * docs/experiments.md's: 2 epochs, 5 seeds, evaluations on every image.
 *
 * @param ffEpochs      passes through the 8,000 training digits per Forward-Forward run
 * @param ffSeeds       seeds per Forward-Forward mode
 * @param bSeeds        seeds per b value in the b sweep
 * @param ffEvalSize    images of each split scored at intermediate checkpoints (the final score uses all)
 * @param rbmSeeds      seeds per RBM mode
 * @param rbmEpochs     CD-200 updates per training digit (each costs 400 Gibbs steps); local gets as many steps
 * @param rbmEvalSize   images of each split classified at intermediate checkpoints
 * @param ffProtocols   whether to add standard and isd under the published Forward-Forward protocol, drawn beside
 *                      the toolkit's ({@code reproduce --ff-protocols-only} runs just those in any profile)
 */
public record MnistProfile(String name, int ffEpochs, int ffSeeds, int bSeeds, int ffEvalSize, int rbmSeeds,
                           int rbmEpochs, int rbmEvalSize, boolean ffProtocols) {
    /** The named profile: {@code quick} or {@code full}. */
    public static MnistProfile of(String name) {
        return switch (name) {
            case "quick" -> new MnistProfile("quick", 1, 3, 1, 500, 2, 1, 200, false);
            case "full" -> new MnistProfile("full", 2, 5, 3, 2000, 5, 1, 1000, true);
            default -> throw new IllegalArgumentException("profile must be quick or full: " + name);
        };
    }
}
