package org.flexphase.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code flexphase.jar}. Exit codes: 0 success, 1 a run failed (it diverged, or crashed: a sweep
 * with a failed run), 2 bad usage or a parameter out of range (the message names the option, its value and the
 * allowed range; nothing is written), 3 an input/output failure (a full disk, an {@code --out} that cannot be
 * created or written, a failed rename; the message names the file and the reason). Every command's help lists them.
 */
@Command(name = "flexphase", mixinStandardHelpOptions = true, version = "flexphase 0.1.0",
        scope = CommandLine.ScopeType.INHERIT, exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a run failed (diverged, or a sweep run crashed)",
                "2:bad input: an option or spec value out of range (named), nothing written",
                "3:input/output failure: full disk, --out not creatable or writable, failed rename"},
        description = "Contrastive learning under flexible phase dynamics (Williams, Bredenberg & Lajoie, ICML 2023).",
        subcommands = {TrainCommand.class, ForwardForwardCommand.class, NetworkCommand.class, EpCommand.class, ReproduceCommand.class, BenchCommand.class, SweepCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code of an input/output failure (a full disk, an unwritable {@code --out}), distinct from 1 and 2. */
    public static final int EXIT_IO = 3;

    /** Runs the command line and exits with its code (0 ok, 1 a failed run, 2 bad input, 3 an I/O failure). */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code instead of exiting (for tests and notebooks). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /**
     * Checks the command line without running it: parses it, and for a command with {@link CheckedOptions} makes the
     * range checks it makes before it writes or computes anything. Returns the exit code the command would have
     * returned on bad input (2), or 0; nothing is written (the hostile-input tests' dry path).
     */
    static int check(String... args) {
        CommandLine cli = commandLine();
        cli.setExecutionStrategy(parsed -> {
            CommandLine.ParseResult last = parsed;
            while (last.hasSubcommand()) {
                last = last.subcommand();
            }
            if (CommandLine.printHelpIfRequested(parsed)) {
                return 0;
            }
            if (last.commandSpec().userObject() instanceof CheckedOptions c) {
                try {
                    c.checkOptions();
                } catch (CommandLine.ParameterException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new CommandLine.ExecutionException(last.commandSpec().commandLine(), e.getMessage(), e);
                }
            }
            return 0;
        });
        return cli.execute(args);
    }

    private static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler(new RangedTypeErrors(cli.getParameterExceptionHandler()));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof IllegalArgumentException) {
                commandLine.getErr().println("flexphase: " + ex.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            if (ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException) {
                // Its message names the file and the reason (for example "No space left on device").
                commandLine.getErr().println("flexphase: " + ex.getMessage());
                return EXIT_IO;
            }
            commandLine.getErr().println("flexphase: " + ex);
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cli;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
