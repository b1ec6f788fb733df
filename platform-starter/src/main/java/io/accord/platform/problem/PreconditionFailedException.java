package io.accord.platform.problem;

/**
 * The client's {@code If-Match} names a version of the resource that is no longer the current one (someone changed
 * it since the client read it): answers 412 with the current {@code ETag}, and nothing of the request is applied.
 */
public class PreconditionFailedException extends RuntimeException {

    private final String currentTag;

    /**
     * @param message    what changed, for the problem's detail
     * @param currentTag the resource's current entity tag, quoted ({@code "8"})
     */
    public PreconditionFailedException(String message, String currentTag) {
        super(message);
        this.currentTag = currentTag;
    }

    public String currentTag() {
        return currentTag;
    }
}
