package io.ticklake.infra.cli;

import java.io.PrintStream;
import java.util.Map;

/** What a subcommand talks to: the environment it reads settings from and where it prints. */
record CliContext(Map<String, String> environment, PrintStream out, PrintStream err) {
}
