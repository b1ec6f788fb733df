package io.accord.dispute.dispute;

import io.accord.platform.upload.FileNames;
import io.accord.platform.upload.InspectedContent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence attachments of disputes, versioned, their bytes in PostgreSQL (as onboarding keeps documents). The
 * content rules (type by signature, size, SHA-256, clean names) are the starter's {@link InspectedContent}.
 */
@Repository
class Evidence {

    /**
     * An attachment at its latest version; {@code uploaderSide} {@link Dispute#PARTNER}, {@link Dispute#STAFF} or
     * {@link Dispute#SYSTEM}, as the uploader's token said.
     */
    record Attachment(UUID id, String name, int version, String fileName, String mimeType, long size, String sha256,
                      String uploadedBy, String uploaderSide, Instant uploadedAt) {
    }

    /**
     * One version's bytes to download, with the file name it was uploaded under ({@code null} when none came) and the
     * attachment's name.
     */
    record Content(String fileName, String name, String mimeType, String sha256, byte[] bytes) {

        /**
         * What to save it as: the uploaded file name, else the attachment's name, else "evidence"; with the extension
         * of the type its bytes were recorded as unless it ends with it ("CDR extract" becomes "CDR extract.pdf").
         */
        String downloadName() {
            String base = Optional.ofNullable(FileNames.clean(fileName)).or(() -> Optional.ofNullable(
                    FileNames.clean(name))).orElse("evidence");
            return FileNames.withExtension(base, mimeType);
        }

        /** RFC 6266: saved under {@link #downloadName}, whatever its characters ({@link FileNames#attachment}). */
        String contentDisposition() {
            return FileNames.attachment(downloadName());
        }
    }

    private final JdbcClient jdbc;

    Evidence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID create(UUID dispute, String name, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into dispute_attachment (id, dispute_id, name, created_at) values (:id, :d, :name, :at)")
                .param("id", id).param("d", dispute).param("name", name).param("at", at.atOffset(ZoneOffset.UTC))
                .update();
        return id;
    }

    boolean exists(UUID dispute, UUID attachment) {
        return jdbc.sql("select count(*) from dispute_attachment where id = :id and dispute_id = :d")
                .param("id", attachment).param("d", dispute).query(Long.class).single() > 0;
    }

    /**
     * Adds the next version (1 for a new attachment), uploaded by {@code by} from {@code side}; the attachment's row
     * lock orders concurrent uploads.
     */
    int addVersion(UUID attachment, InspectedContent content, String fileName, String by, String side, Instant at) {
        jdbc.sql("select id from dispute_attachment where id = :id for update").param("id", attachment)
                .query(UUID.class).single();
        int version = jdbc.sql("""
                        select coalesce(max(version), 0) + 1 from dispute_attachment_version where attachment_id = :id
                        """)
                .param("id", attachment).query(Integer.class).single();
        jdbc.sql("""
                        insert into dispute_attachment_version (attachment_id, version, file_name, mime_type,
                                                                size_bytes, sha256, content, uploaded_by,
                                                                uploader_side, uploaded_at)
                        values (:id, :version, :fileName, :mime, :size, :sha, :content, :by, :side, :at)
                        """)
                .param("id", attachment).param("version", version).param("fileName", FileNames.clean(fileName))
                .param("mime", content.type().mimeType()).param("size", content.size())
                .param("sha", content.sha256()).param("content", content.bytes()).param("by", by)
                .param("side", side).param("at", at.atOffset(ZoneOffset.UTC)).update();
        return version;
    }

    List<Attachment> attachments(UUID dispute) {
        return jdbc.sql("""
                        select a.id, a.name, v.version, v.file_name, v.mime_type, v.size_bytes, v.sha256,
                               v.uploaded_by, v.uploader_side, v.uploaded_at
                        from dispute_attachment a
                        join dispute_attachment_version v on v.attachment_id = a.id
                        where a.dispute_id = :d
                          and v.version = (select max(version) from dispute_attachment_version
                                           where attachment_id = a.id)
                        order by a.created_at, a.id
                        """)
                .param("d", dispute)
                .query((rs, row) -> new Attachment(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getInt("version"), rs.getString("file_name"), rs.getString("mime_type"),
                        rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
                        rs.getString("uploader_side"),
                        rs.getObject("uploaded_at", OffsetDateTime.class).toInstant())).list();
    }

    /** One version of an attachment, as uploaded; {@code uploaderSide} as in {@link Attachment}. */
    record Version(int version, String fileName, String mimeType, long size, String sha256, String uploadedBy,
                   String uploaderSide, Instant uploadedAt) {
    }

    /**
     * The side that owns the attachment: its first version's uploader's ({@link Dispute#PARTNER}, {@link Dispute#STAFF}
     * or {@link Dispute#SYSTEM}); only that side adds versions to it.
     */
    Optional<String> ownerSide(UUID attachment) {
        return jdbc.sql("""
                        select uploader_side from dispute_attachment_version where attachment_id = :id
                        order by version limit 1
                        """)
                .param("id", attachment).query(String.class).optional();
    }

    /** Every version of an attachment of the dispute, the first first; empty for an attachment it does not have. */
    List<Version> versions(UUID dispute, UUID attachment) {
        return jdbc.sql("""
                        select v.version, v.file_name, v.mime_type, v.size_bytes, v.sha256, v.uploaded_by,
                               v.uploader_side, v.uploaded_at
                        from dispute_attachment a join dispute_attachment_version v on v.attachment_id = a.id
                        where a.id = :id and a.dispute_id = :d
                        order by v.version
                        """)
                .param("id", attachment).param("d", dispute)
                .query((rs, row) -> new Version(rs.getInt("version"), rs.getString("file_name"),
                        rs.getString("mime_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                        rs.getString("uploaded_by"), rs.getString("uploader_side"),
                        rs.getObject("uploaded_at", OffsetDateTime.class).toInstant())).list();
    }

    /** A version's content ({@code null} version: the latest). */
    Optional<Content> content(UUID dispute, UUID attachment, Integer version) {
        return jdbc.sql("""
                        select v.file_name, a.name, v.mime_type, v.sha256, v.content
                        from dispute_attachment a join dispute_attachment_version v on v.attachment_id = a.id
                        where a.id = :id and a.dispute_id = :d
                          and v.version = coalesce(cast(:version as int), (select max(version)
                              from dispute_attachment_version where attachment_id = a.id))
                        """)
                .param("id", attachment).param("d", dispute).param("version", version)
                .query((rs, row) -> new Content(rs.getString("file_name"), rs.getString("name"),
                        rs.getString("mime_type"), rs.getString("sha256"), rs.getBytes("content"))).optional();
    }
}
