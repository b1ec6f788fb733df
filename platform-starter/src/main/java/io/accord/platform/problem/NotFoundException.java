package io.accord.platform.problem;

/** The resource does not exist, or the caller may not know that it exists: answers 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String resource, Object id) {
        super(resource + " " + id + " not found");
    }
}
