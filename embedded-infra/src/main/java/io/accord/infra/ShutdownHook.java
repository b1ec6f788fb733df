package io.accord.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM shutdown hook its owner can drop again: an embedded server stops with this JVM unless the launcher
 * detaches it, to stop it itself in its own order or to leave it running for another process to stop.
 */
final class ShutdownHook {

    private static final Logger log = LoggerFactory.getLogger(ShutdownHook.class);

    private final Thread thread;

    private ShutdownHook(Thread thread) {
        this.thread = thread;
    }

    static ShutdownHook register(String threadName, Runnable action) {
        Thread thread = new Thread(action, threadName);
        Runtime.getRuntime().addShutdownHook(thread);
        return new ShutdownHook(thread);
    }

    /** Drops the hook; removing it again changes nothing. */
    void remove() {
        try {
            Runtime.getRuntime().removeShutdownHook(thread);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and runs the hook itself
            log.debug("JVM shutdown in progress, hook stays", e);
        }
    }
}
