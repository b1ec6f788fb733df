package io.accord.dispute.dispute;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A dispute's thread: comments both sides see, and staff-internal notes kept in a table of their own that only
 * {@link #internalNotes} reads, so no partner-visible view, event or notification can pick one up by accident.
 */
@Repository
class DisputeThread {

    /** A comment; {@code side} is {@code PARTNER} or {@code STAFF}. */
    record Comment(UUID id, String author, String side, String text, Instant createdAt) {
    }

    /** A staff-only note. */
    record InternalNote(UUID id, String author, String text, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    DisputeThread(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Comment comment(UUID dispute, String author, String side, String text, Instant at) {
        Comment comment = new Comment(UUID.randomUUID(), author, side, text, at);
        jdbc.sql("""
                        insert into dispute_comment (id, dispute_id, author, author_side, text, created_at)
                        values (:id, :dispute, :author, :side, :text, :at)
                        """)
                .param("id", comment.id()).param("dispute", dispute).param("author", author).param("side", side)
                .param("text", text).param("at", at.atOffset(ZoneOffset.UTC)).update();
        return comment;
    }

    List<Comment> comments(UUID dispute) {
        return jdbc.sql("select * from dispute_comment where dispute_id = :id order by created_at, id")
                .param("id", dispute)
                .query((rs, row) -> new Comment(rs.getObject("id", UUID.class), rs.getString("author"),
                        rs.getString("author_side"), rs.getString("text"), instant(rs))).list();
    }

    InternalNote internalNote(UUID dispute, String author, String text, Instant at) {
        InternalNote note = new InternalNote(UUID.randomUUID(), author, text, at);
        jdbc.sql("""
                        insert into dispute_internal_note (id, dispute_id, author, text, created_at)
                        values (:id, :dispute, :author, :text, :at)
                        """)
                .param("id", note.id()).param("dispute", dispute).param("author", author).param("text", text)
                .param("at", at.atOffset(ZoneOffset.UTC)).update();
        return note;
    }

    /** Staff only: callers check the role before. */
    List<InternalNote> internalNotes(UUID dispute) {
        return jdbc.sql("select * from dispute_internal_note where dispute_id = :id order by created_at, id")
                .param("id", dispute)
                .query((rs, row) -> new InternalNote(rs.getObject("id", UUID.class), rs.getString("author"),
                        rs.getString("text"), instant(rs))).list();
    }

    private static Instant instant(ResultSet rs) throws SQLException {
        return rs.getObject("created_at", OffsetDateTime.class).toInstant();
    }
}
