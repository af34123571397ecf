package org.flexphase.experiments.reproduce;

import java.util.List;
import org.flexphase.experiments.Experiment;
import org.flexphase.experiments.bas.BasExperiment;
import org.flexphase.experiments.bas.BasProfile;
import org.flexphase.experiments.ep.EpExperiment;
import org.flexphase.experiments.mnist.MnistExperiment;
import org.flexphase.experiments.mnist.MnistProfile;
import org.flexphase.experiments.networks.NetworkExperiment;
import org.flexphase.experiments.rbmscale.RbmScaleExperiment;

/**
 * The registry of {@code reproduce} parts, in the order they run: a new experiment is one entry here. The command
 * line reads the names, the defaults and the MNIST and extension groups from it.
 */
public final class Parts {
    /** How a part builds its experiment for a profile ({@code quick} or {@code full}). */
    @FunctionalInterface
    public interface Factory {
        Experiment of(String profile, boolean ffProtocolsOnly);
    }

    /**
     * One part: its name on {@code --parts}, whether {@code --skip-mnist} leaves it out, whether it goes beyond the
     * paper (added by {@code --extensions}, not run by default), and its factory.
     */
    public record Part(String name, boolean mnist, boolean extension, Factory factory) {
    }

    public static final Part BAS = new Part("bas", false, false, (profile, ff) -> new BasExperiment(BasProfile.of(profile)));
    public static final Part MNIST = new Part("mnist", true, false,
            (profile, ff) -> new MnistExperiment(MnistProfile.of(profile), ff));
    public static final Part RBM_SCALE = new Part("rbm-scale", true, false,
            (profile, ff) -> new RbmScaleExperiment(profile));
    public static final Part EP = new Part("ep", false, true, (profile, ff) -> EpExperiment.of(profile));
    public static final Part NETWORKS = new Part("networks", false, true, (profile, ff) -> new NetworkExperiment(profile));

    /** Every part, in the order they run. */
    public static final List<Part> ALL = List.of(BAS, MNIST, RBM_SCALE, EP, NETWORKS);

    /**
     * The parts run by default, the paper's, as picocli's default value (an annotation needs a constant; a test
     * checks it names exactly the parts that are not extensions).
     */
    public static final String PAPER = "bas,mnist,rbm-scale";

    private Parts() {
    }

    /** Every name joined by {@code " | "}: the allowed list of an unknown part. */
    public static String names() {
        return String.join(" | ", ALL.stream().map(Part::name).toList());
    }

    /** The part named {@code name}, or null. */
    public static Part named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
