package io.accord.launcher;

import java.nio.file.Path;

/** A component did not start or did not become healthy; names it and the log that says why. */
public class ComponentFailedException extends RuntimeException {

    private final String component;
    private final transient Path logFile;

    public ComponentFailedException(String component, Path logFile, String message, Throwable cause) {
        super(component + " failed: " + message + (logFile == null ? "" : " (log: " + logFile + ")"), cause);
        this.component = component;
        this.logFile = logFile;
    }

    public String component() {
        return component;
    }

    public Path logFile() {
        return logFile;
    }
}
