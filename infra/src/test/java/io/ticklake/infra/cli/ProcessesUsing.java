package io.ticklake.infra.cli;

import io.ticklake.infra.process.CommandLines;

import java.nio.file.Path;
import java.util.List;

/** Finds live processes whose command line names a directory: what a test started there. */
final class ProcessesUsing {

    private ProcessesUsing() {
    }

    static List<String> directory(Path directory) {
        String marker = directory.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.pid() != ProcessHandle.current().pid())
                .map(process -> process.pid() + " " + CommandLines.of(process.pid()).orElse(""))
                .filter(line -> line.contains(marker))
                .toList();
    }
}
