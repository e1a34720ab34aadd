package io.ticklake.simulator.testing;

import io.ticklake.simulator.cli.SimulatorCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs the CLI in-process with a given environment and captures its output.
 *
 * @param exitCode what {@code main} would exit with
 */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = SimulatorCli.commandLine(new SimulatorCli(environment, Clock.systemUTC()));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    public static CliRun of(String... args) {
        return of(Map.of(), args);
    }
}
