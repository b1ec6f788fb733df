package io.accord.catalog.importjob;

import java.io.Closeable;

/** Reads the rows of a catalog file one at a time, holding only the current one in memory. */
interface ItemReader extends Closeable {

    /** The next row, or {@code null} at the end of the file; a {@link FileFormatException} if it is unreadable. */
    ImportItem next();

    @Override
    void close();
}
