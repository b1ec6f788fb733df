package io.accord.demo;

/** Where the journey tells what happens: the terminal of {@code ./accord demo}, or a test's log. */
public interface Narrator {

    /** A step starts: its number (1-7) and title. */
    void step(int number, String title);

    /** One line of what just happened. */
    void say(String line);

    /** Progress of a long step: {@code done} of {@code total} (units named by {@code label}). */
    void progress(String label, long done, long total);

    /** Plain lines to standard output, progress bars redrawn in place when standard output is a terminal. */
    static Narrator console() {
        return new Narrator() {
            private final boolean terminal = System.console() != null;
            private boolean barShown;
            private long lastPrinted;

            @Override
            public void step(int number, String title) {
                endBar();
                System.out.println();
                System.out.println("[" + number + "/7] " + title);
            }

            @Override
            public void say(String line) {
                endBar();
                System.out.println("      " + line);
            }

            @Override
            public void progress(String label, long done, long total) {
                int width = 30;
                int filled = total <= 0 ? width : (int) Math.min(width, done * width / total);
                String bar = "      [" + "#".repeat(filled) + ".".repeat(width - filled) + "] "
                        + String.format("%,d / %,d %s", done, total, label);
                if (terminal) {
                    System.out.print("\r" + bar);
                    System.out.flush();
                    barShown = true;
                    if (done >= total) {
                        endBar();
                    }
                } else if (done >= total || System.nanoTime() - lastPrinted > 5_000_000_000L) {
                    lastPrinted = System.nanoTime();
                    System.out.println(bar);
                }
            }

            private void endBar() {
                if (barShown) {
                    System.out.println();
                    barShown = false;
                }
            }
        };
    }
}
