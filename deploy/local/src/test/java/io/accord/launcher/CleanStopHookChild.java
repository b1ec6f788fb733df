package io.accord.launcher;

/** Run by {@link CleanStopHookTests} in a JVM of its own: registers the hook, says "ready" and waits for a signal. */
final class CleanStopHookChild {

    private CleanStopHookChild() {
    }

    public static void main(String[] arguments) throws InterruptedException {
        boolean clean = "clean".equals(arguments[0]);
        CleanStopHook.register("test-shutdown", () -> clean);
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
