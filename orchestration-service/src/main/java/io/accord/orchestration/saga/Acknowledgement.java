package io.accord.orchestration.saga;

/**
 * The external answer to a step that waits for one.
 *
 * @param succeeded whether the other side did what was asked
 * @param reason    why not (or a note), shown in the fallout queue
 */
public record Acknowledgement(boolean succeeded, String reason) {

    public static Acknowledgement success() {
        return new Acknowledgement(true, null);
    }

    public static Acknowledgement failure(String reason) {
        return new Acknowledgement(false, reason);
    }
}
