package org.flexphase.runs;

import java.util.List;
import org.flexphase.boltzmann.TrainSettings;
import org.flexphase.circuits.NetworkSettings;
import org.flexphase.forwardforward.ForwardForwardSettings;
import org.flexphase.hopfield.EpSettings;
import org.flexphase.util.InvalidSetting;
import org.flexphase.util.Settings;

/** The registry of run kinds: the one list of what a spec may name, in the order help texts show them. */
public final class RunKinds {
    public static final RunKind<TrainSettings> TRAIN = new RunKind<>("train", TrainSettings.class,
            TrainSettings.DEFAULTS, TrainRun::outcome, TrainRun::sweepColumns);
    public static final RunKind<ForwardForwardSettings> FF = new RunKind<>("ff", ForwardForwardSettings.class,
            ForwardForwardSettings.DEFAULTS, ForwardForwardRun::outcome, ForwardForwardRun::sweepColumns);
    public static final RunKind<NetworkSettings> NETWORK = new RunKind<>("network", NetworkSettings.class,
            NetworkSettings.DEFAULTS, NetworkRun::outcome, NetworkRun::sweepColumns,
            java.util.stream.Stream.concat(RunFiles.COMMON.stream(), NetworkRun.FILES.stream()).toList());
    public static final RunKind<EpSettings> EP = new RunKind<>("ep", EpSettings.class, EpSettings.DEFAULTS,
            EpRun::outcome, EpRun::sweepColumns);

    /** Every kind. */
    public static final List<RunKind<?>> ALL = List.of(TRAIN, FF, NETWORK, EP);

    /** Every file a run of any kind writes, each once: what {@code --overwrite} removes from a single run's folder. */
    public static List<String> allFiles() {
        return ALL.stream().flatMap(k -> k.files().stream()).distinct().toList();
    }

    private RunKinds() {
    }

    /** The kind named {@code name}; any other name is an {@link InvalidSetting} of {@code kind} listing the names. */
    public static RunKind<?> named(String name) {
        for (RunKind<?> k : ALL) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        throw new InvalidSetting("kind", name, names());
    }

    /** The names of every kind joined by {@code " | "}: the allowed list of an unknown kind. */
    public static String names() {
        return String.join(" | ", ALL.stream().map(RunKind::name).toList());
    }

    /** The kind whose settings record is {@code settings}' class. */
    public static RunKind<?> of(Settings settings) {
        for (RunKind<?> k : ALL) {
            if (k.type() == settings.getClass()) {
                return k;
            }
        }
        throw new IllegalStateException("no run kind registered for " + settings.getClass().getName()
                + " (add it to RunKinds.ALL)");
    }
}
