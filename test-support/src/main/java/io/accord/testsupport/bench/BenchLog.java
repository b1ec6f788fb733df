package io.accord.testsupport.bench;

import java.util.Locale;

/** The service benches' progress lines on stdout: {@code bench: ...}. */
public final class BenchLog {

    private BenchLog() {
    }

    public static void say(String format, Object... arguments) {
        System.out.println("bench: " + String.format(Locale.ROOT, format, arguments));
    }

    /** Seconds since a {@link System#nanoTime()}. */
    public static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
