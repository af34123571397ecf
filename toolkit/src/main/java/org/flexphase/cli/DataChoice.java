package org.flexphase.cli;

import java.nio.file.Path;
import org.flexphase.data.FashionMnist;
import org.flexphase.data.MnistSubset;
import picocli.CommandLine.Model.CommandSpec;

/** The labelled-image datasets the commands accept by name. */
final class DataChoice {
    private DataChoice() {
    }

    static MnistSubset.Split split(CommandSpec spec, String data, Path dir) {
        return switch (data) {
            case "mnist" -> MnistSubset.split(dir == null ? MnistSubset.load() : MnistSubset.load(dir));
            case "fashion" -> FashionMnist.load(dir == null ? FashionMnist.DEBIAN_DIR : dir);
            default -> throw Options.bad(spec, "--data", data, "mnist | fashion");
        };
    }
}
