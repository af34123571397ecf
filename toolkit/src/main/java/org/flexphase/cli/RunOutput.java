package org.flexphase.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The output options every single-run command takes ({@code train}, {@code ff}, {@code ep}, {@code network}): a picocli mixin. */
final class RunOutput {
    @Option(names = "--out", required = true, description = "output folder (refused if it holds another run's files)")
    Path out;
    @Option(names = "--overwrite", description = "replace another run's files in --out")
    boolean overwrite;
}
