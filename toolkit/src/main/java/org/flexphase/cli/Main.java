package org.flexphase.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code flexphase.jar}. Exit codes: 0 success, 1 a run failed (for example it diverged),
 * 2 bad usage or a parameter out of range (the message names the option, its value and the allowed range).
 */
@Command(name = "flexphase", mixinStandardHelpOptions = true, version = "flexphase 0.1.0",
        description = "Contrastive learning under flexible phase dynamics (Williams, Bredenberg & Lajoie, ICML 2023).",
        subcommands = {TrainCommand.class, ForwardForwardCommand.class, NetworkCommand.class, EpCommand.class, ReproduceCommand.class, BenchCommand.class, SweepCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Runs the command line and exits with its code (2 for bad options, 1 for a diverged run). */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code instead of exiting (for tests and notebooks). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof IllegalArgumentException) {
                commandLine.getErr().println("flexphase: " + ex.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            if (ex instanceof java.io.UncheckedIOException) {
                // Its message names the file and the reason (for example "No space left on device").
                commandLine.getErr().println("flexphase: " + ex.getMessage());
                return CommandLine.ExitCode.SOFTWARE;
            }
            commandLine.getErr().println("flexphase: " + ex);
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
