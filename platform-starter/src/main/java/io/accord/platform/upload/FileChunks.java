package io.accord.platform.upload;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.UUID;

/**
 * A file kept in PostgreSQL as numbered {@value #CHUNK_SIZE}-byte chunks of a table {@code (job_id, seq, data)}, so
 * that it is written and read as a stream: at most one chunk is in memory at a time. For uploads too large to hold
 * (a partner's CDR file): the request body is copied to {@link #writer} in the transaction that creates the job, and
 * a background runner reads it back with {@link #reader}. Catalog's import and export jobs and rating's usage file
 * jobs use it.
 */
public final class FileChunks {

    public static final int CHUNK_SIZE = 1024 * 1024;

    private final JdbcClient jdbc;
    private final String table;

    /** @param table the caller's constant table name {@code (job_id uuid, seq integer, data bytea)}, never input */
    public FileChunks(JdbcClient jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /** Writes the job's file; each full chunk is inserted at once, in the caller's transaction. */
    public OutputStream writer(UUID job) {
        return new ChunkWriter(job);
    }

    /** Reads the job's file from its first chunk; each chunk is fetched when the reader reaches it. */
    public InputStream reader(UUID job) {
        return new ChunkReader(job);
    }

    /** The stored file's size in bytes (0 when there is none). */
    public long size(UUID job) {
        return jdbc.sql("select coalesce(sum(octet_length(data)), 0) from " + table + " where job_id = :job")
                .param("job", job).query(Long.class).single();
    }

    public void delete(UUID job) {
        jdbc.sql("delete from " + table + " where job_id = :job").param("job", job).update();
    }

    private final class ChunkWriter extends OutputStream {

        private final UUID job;
        private final byte[] buffer = new byte[CHUNK_SIZE];
        private int filled;
        private int seq;

        ChunkWriter(UUID job) {
            this.job = job;
        }

        @Override
        public void write(int b) {
            if (filled == buffer.length) {
                flushChunk();
            }
            buffer[filled++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            while (length > 0) {
                if (filled == buffer.length) {
                    flushChunk();
                }
                int n = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
            }
        }

        @Override
        public void close() {
            if (filled > 0) {
                flushChunk();
            }
        }

        private void flushChunk() {
            byte[] data = filled == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, filled);
            jdbc.sql("insert into " + table + " (job_id, seq, data) values (:job, :seq, :data)")
                    .param("job", job).param("seq", seq++).param("data", data).update();
            filled = 0;
        }
    }

    private final class ChunkReader extends InputStream {

        private final UUID job;
        private byte[] chunk = new byte[0];
        private int position;
        private int seq;
        private boolean ended;

        ChunkReader(UUID job) {
            this.job = job;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return chunk[position++] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, bytes, offset, n);
            position += n;
            return n;
        }

        private boolean fill() {
            while (position >= chunk.length) {
                if (ended) {
                    return false;
                }
                Optional<byte[]> next = jdbc.sql("select data from " + table + " where job_id = :job and seq = :seq")
                        .param("job", job).param("seq", seq++).query(byte[].class).optional();
                if (next.isEmpty()) {
                    ended = true;
                    return false;
                }
                chunk = next.get();
                position = 0;
            }
            return true;
        }

        @Override
        public void close() throws IOException {
            ended = true;
        }
    }
}
