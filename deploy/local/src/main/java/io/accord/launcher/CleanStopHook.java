package io.accord.launcher;

import java.util.function.BooleanSupplier;

/**
 * The shutdown hook of {@code ./accord up}: Ctrl-C and {@code ./accord down} (SIGINT, SIGTERM) run the stop, and a
 * stop that stopped everything ends the JVM with exit code 0 instead of 130 or 143, so scripts and CI see a clean
 * stop as a success. A stop that left something running keeps the signal's exit code.
 */
final class CleanStopHook {

    private CleanStopHook() {
    }

    /** Registers the hook; {@code stop} answers whether everything stopped. */
    static Thread register(String name, BooleanSupplier stop) {
        Thread hook = new Thread(() -> {
            if (stop.getAsBoolean()) {
                // halt, because exit would wait for this very hook; the caller has no other hook left to run
                Runtime.getRuntime().halt(0);
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }
}
