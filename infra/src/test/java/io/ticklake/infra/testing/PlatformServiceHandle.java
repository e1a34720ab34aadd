package io.ticklake.infra.testing;

import io.ticklake.infra.Platform;
import io.ticklake.infra.service.PlatformService;

import java.nio.file.Path;
import java.util.OptionalLong;

/** A {@link ServiceHandle} over one of the launcher's services; start() also starts what it needs. */
final class PlatformServiceHandle implements ServiceHandle {

    private final Platform platform;
    private final PlatformService service;

    PlatformServiceHandle(Platform platform, PlatformService service) {
        this.platform = platform;
        this.service = service;
    }

    @Override
    public String name() {
        return service.name();
    }

    @Override
    public void start() {
        platform.start(service);
    }

    @Override
    public void stop() {
        service.stop();
    }

    @Override
    public void kill() {
        service.kill();
    }

    @Override
    public void pause() {
        service.pause();
    }

    @Override
    public void resume() {
        service.resume();
    }

    @Override
    public boolean isRunning() {
        return service.isRunning();
    }

    @Override
    public OptionalLong pid() {
        return service.pid();
    }

    @Override
    public Path logFile() {
        return service.logFile();
    }

    @Override
    public String toString() {
        return "ServiceHandle[" + service.name() + ", ports " + service.ports() + "]";
    }
}
