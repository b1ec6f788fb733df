package io.accord.catalog.importjob;

/**
 * The file as a whole cannot be read (not CSV or JSON of the documented shape, a missing required column, an
 * {@code externalId} given twice): the job fails before anything is written.
 */
class FileFormatException extends RuntimeException {

    FileFormatException(String message) {
        super(message);
    }

    FileFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
