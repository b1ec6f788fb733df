package io.accord.rating.ingest;

import io.accord.contracts.Roles;
import io.accord.rating.RatingApplication;
import io.accord.rating.model.RatingModel;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.AccordTestInitializer;
import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.accord.rating.ingest.UsageFixtures.activate;
import static io.accord.rating.ingest.UsageFixtures.awaitRatable;
import static io.accord.rating.ingest.UsageFixtures.partnerProduct;
import static io.accord.rating.ingest.UsageFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CDR files as jobs (package io.accord.rating.usage): a small file processed during its upload, a large one (or one
 * sent with {@code Prefer: respond-async}) answered 202 and processed in the background, progress and row errors
 * readable by their owner only, a bad header refused with nothing kept.
 */
@AccordServiceTest
class UsageFileJobsTests {

    static final String FILES = "/api/rating/usage/files";
    static final String DATABASE = "test_rating";
    static final String HEADER = "usageId,usageType,subscriberId,startTime,quantity,unit,destinationZone\r\n";

    private final RatingModel model;
    private final JdbcClient jdbc;

    UsageFileJobsTests(RatingModel model, JdbcClient jdbc) {
        this.model = model;
        this.jdbc = jdbc;
    }

    @LocalServerPort
    int port;

    private TestHttp partner(String partnerId) {
        return TestHttp.localPort(port).as(TestJwt.partner("user-" + partnerId, partnerId, Roles.PARTNER_USER));
    }

    static String time() {
        return OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).withNano(0).toString();
    }

    @Test
    void aSmallFileIsProcessedDuringItsUploadAndItsRowErrorsAreDownloadable() {
        String id = unique();
        String subscriber = "+49164" + id;
        String partnerId = UUID.randomUUID().toString();
        partnerProduct(id, partnerId, subscriber);   // a partner reports usage of its own products only
        awaitRatable(model, subscriber);
        String time = time();

        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i < 2_100; i++) { // three chunks
            file.append("r").append(i).append(",VOICE,").append(subscriber).append(',').append(time)
                    .append(",60,S,\"EU, \"\"west\"\"\"\r\n");
        }
        file.append("r5,VOICE,").append(subscriber).append(',').append(time).append(",60,S,EU\n");   // duplicate
        file.append("s1,VOICE,+0000").append(id).append(',').append(time).append(",60,S,EU\n");     // suspended
        file.append("\n");                                                                           // blank: skipped
        file.append("x1,VOICE,").append(subscriber).append(',').append(time).append(",ten,S,EU\n");  // invalid
        file.append("x2,VOICE,").append(subscriber).append('\n');                                    // short row
        TestHttp.Response answer = partner(partnerId).header("Content-Disposition", "attachment; filename=\"cdr.csv\"")
                .send("POST", FILES, file.toString(), "text/csv");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        JsonNode job = answer.json();
        assertThat(answer.header("Location")).isEqualTo(FILES + "/" + job.path("id").asString());
        assertThat(job.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(job.path("fileName").asString()).isEqualTo("cdr.csv");
        assertThat(job.path("rowsRead").asLong()).isEqualTo(2_104);
        assertThat(job.path("accepted").asLong()).isEqualTo(2_101);
        assertThat(job.path("rejected").asLong()).isEqualTo(3);
        assertThat(job.path("rated").asLong()).isEqualTo(2_100);
        assertThat(job.path("suspended").asLong()).isEqualTo(1);
        assertThat(job.path("duplicates").asLong()).isEqualTo(1);
        assertThat(job.path("invalid").asLong()).isEqualTo(2);

        TestHttp.Response errors = partner(partnerId).get(job.path("errorsHref").asString());
        assertThat(errors.status()).isEqualTo(200);
        assertThat(errors.contentType()).startsWith("text/csv");
        assertThat(errors.body().split("\r\n")).containsExactly(
                "row,line,outcome,usageId,field,reason,detail",
                "2101,2102,DUPLICATE,r5,,,usage r5 of source " + partnerId + " was received before and rated:"
                        + " a rated record is neither rated again nor replaced by a resend; a wrong rating is"
                        + " corrected by re-rating (ask the operator)",
                errors.body().split("\r\n")[2], // the suspense detail names the subscriber and time
                "2103,2105,INVALID,x1,quantity,INVALID,quantity 'ten' is not a decimal number",
                // a short row still names its usage id, read from its first column
                "2104,2106,INVALID,x2,,INVALID,\"the row has 3 fields, the header 7\"");
        assertThat(errors.body().split("\r\n")[2]).startsWith("2102,2103,SUSPENDED,s1,,NO_PRODUCT_INSTANCE,");

        // the two unreadable rows are counted as unreadable Kafka records are: received, in suspense as INVALID under
        // the partner's source, kept as they were written (their usage ids claimed by nothing)
        assertThat(counters(partnerId)).containsExactly(2_104L, 2_100L, 3L, 1L);
        assertThat(jdbc.sql("""
                        select detail || ' | ' || convert_from(payload, 'UTF8') from usage_suspense
                        where source = :source and reason = 'INVALID' and usage_id is null order by detail""")
                .param("source", partnerId).query(String.class).list()).satisfiesExactly(
                        row -> assertThat(row).startsWith("usage x1: quantity 'ten' is not a decimal number")
                                .contains("x1,VOICE," + subscriber + "," + time + ",ten,S,EU"),
                        row -> assertThat(row).startsWith("usage x2: the row has 3 fields, the header 7 | ")
                                .contains("x2,VOICE," + subscriber));
        assertThat(jdbc.sql("select characteristics::jsonb->>'destinationZone' from usage_rated"
                        + " where source = :source and usage_id = 'r0'").param("source", partnerId)
                .query(String.class).single()).isEqualTo("EU, \"west\"");
        assertThat(jdbc.sql("select count(*) from usage_file_chunk where job_id = :job")
                .param("job", UUID.fromString(job.path("id").asString())).query(Long.class).single())
                .as("the stored file goes once processed").isZero();
    }

    @Test
    void aRowTheDatabaseRefusesIsSuspendedAsInvalidAndTheRestOfItsChunkIsRated() {
        String id = unique();
        String subscriber = "+49168" + id;
        String partnerId = UUID.randomUUID().toString();
        partnerProduct(id, partnerId, subscriber);   // a partner reports usage of its own products only
        awaitRatable(model, subscriber);
        String time = time();
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i < 5; i++) {
            file.append('u').append(i).append(",VOICE,").append(subscriber).append(',').append(time).append(",60,S,EU\n");
        }
        // a value the database refuses although every check passed (a column's limit, say): simulated by a trigger
        TestInfrastructure.RefusedRows refusal = TestInfrastructure.refuseRows(DATABASE, "usage_rated",
                "new.usage_id = 'u3' and new.source = '%s'".formatted(partnerId), "22003");
        TestHttp.Response answer;
        try {
            answer = partner(partnerId).send("POST", FILES, file.toString(), "text/csv");
        } finally {
            refusal.close();
        }
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        JsonNode job = answer.json();
        assertThat(job.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(job.path("rated").asLong()).isEqualTo(4);
        assertThat(job.path("suspended").asLong()).isEqualTo(1);
        assertThat(partner(partnerId).get(job.path("errorsHref").asString()).body().split("\r\n")).containsExactly(
                "row,line,outcome,usageId,field,reason,detail",
                "4,5,SUSPENDED,u3,,INVALID,\"the database refused the record (database error, SQL state 22003; details"
                        + " in the rating service's log under this usage id)\"");
        assertThat(counters(partnerId)).containsExactly(5L, 4L, 1L, 0L);
    }

    @Test
    void aFileSentAsyncIsAnswered202AndProcessedInTheBackgroundVisibleToItsOwnerOnly() {
        String id = unique();
        String subscriber = "+49165" + id;
        String partnerId = UUID.randomUUID().toString();
        partnerProduct(id, partnerId, subscriber);   // a partner reports usage of its own products only
        awaitRatable(model, subscriber);
        String time = time();
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i < 3_500; i++) {
            int number = i % 50 == 49 ? i - 10 : i; // every 50th row repeats an earlier usage id
            file.append("a").append(number).append(",VOICE,").append(subscriber).append(',').append(time)
                    .append(',').append(1 + number % 120).append(",S,EU\n");
        }

        TestHttp.Response answer = partner(partnerId).header("Prefer", "respond-async")
                .send("POST", FILES, file.toString(), "text/csv");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        String location = answer.header("Location");
        assertThat(location).isEqualTo(FILES + "/" + answer.json().path("id").asString());
        assertThat(answer.json().path("state").asString()).isIn("QUEUED", "RUNNING");

        await().atMost(Duration.ofSeconds(120))
                .until(() -> partner(partnerId).get(location).json().path("state").asString().equals("COMPLETED"));
        JsonNode job = partner(partnerId).get(location).json();
        assertThat(job.path("rowsRead").asLong()).isEqualTo(3_500);
        assertThat(job.path("rated").asLong()).isEqualTo(3_430);
        assertThat(job.path("duplicates").asLong()).isEqualTo(70);
        assertThat(counters(partnerId)).containsExactly(3_500L, 3_430L, 0L, 70L);
        var rated = jdbc.sql("""
                        select count(*) as records, count(distinct usage_id) as ids, sum(billed_quantity) as billed
                        from usage_rated where source = :source""")
                .param("source", partnerId).query().singleRow();
        assertThat(((Number) rated.get("records")).longValue()).isEqualTo(3_430);
        assertThat(((Number) rated.get("ids")).longValue()).isEqualTo(3_430);
        BigDecimal billed = BigDecimal.ZERO;
        for (int i = 0; i < 3_500; i++) {
            if (i % 50 != 49) {
                billed = billed.add(BigDecimal.valueOf(Math.max(60, 1 + i % 120)));
            }
        }
        assertThat((BigDecimal) rated.get("billed")).isEqualByComparingTo(billed);

        // tenancy: another partner neither reads nor lists it; staff do
        TestHttp other = partner(UUID.randomUUID().toString());
        assertThat(other.get(location).status()).isEqualTo(404);
        assertThat(other.get(location + "/errors").status()).isEqualTo(404);
        assertThat(other.get(FILES).json()).isEmpty();
        TestHttp.Response mine = partner(partnerId).get(FILES);
        assertThat(mine.json()).hasSize(1);
        assertThat(mine.header("X-Total-Count")).isEqualTo("1");
        TestHttp auditor = TestHttp.localPort(port).as(TestJwt.staff("aud-1", Roles.AUDITOR));
        assertThat(auditor.get(location).status()).isEqualTo(200);
        assertThat(auditor.send("POST", FILES, file.toString(), "text/csv").status()).isEqualTo(403);
    }

    /**
     * A file still arriving (a slow or stalled client) holds no database transaction: it is received before the
     * job's transaction begins. Before, the body was copied into PostgreSQL inside that transaction as it arrived,
     * and eight slow uploads took every connection of the pool.
     */
    @Test
    void aFileStillArrivingHoldsNoDatabaseTransaction() throws Exception {
        String partnerId = UUID.randomUUID().toString();
        byte[] head = HEADER.getBytes(StandardCharsets.UTF_8);
        byte[] rest = ("slow-1,VOICE,+000" + unique() + "," + time() + ",60,S,EU\r\n").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + FILES + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TestJwt.partner("user-" + partnerId, partnerId, Roles.PARTNER_USER)
                    + "\r\nContent-Type: text/csv\r\nContent-Length: " + (head.length + rest.length)
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(head);
            out.flush();

            // while the rest of the file does not come, no transaction that touched the upload's job stays open
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                    select count(*) from pg_stat_activity
                    where datname = current_database() and state like 'idle in transaction%'
                      and query like '%usage_file%'""").query(Long.class).single() == 0);

            out.write(rest);
            out.flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 201");
        }
        assertThat(jdbc.sql("select rows_read from usage_file_job where owner = :owner").param("owner", partnerId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aBadHeaderOrAnEmptyFileIsRefusedAndNothingIsKept() {
        String partnerId = UUID.randomUUID().toString();
        TestHttp.Response noColumn = partner(partnerId).send("POST", FILES, "usageId,quantity\n1,2\n", "text/csv");
        assertThat(noColumn.status()).isEqualTo(400);
        assertThat(noColumn.body()).contains("subscriberId").contains("file");
        TestHttp.Response empty = partner(partnerId).send("POST", FILES, "", "text/csv");
        assertThat(empty.status()).isEqualTo(400);
        TestHttp.Response json = partner(partnerId).send("POST", FILES, "{}", "application/json");
        assertThat(json.status()).isEqualTo(415);
        // read as UTF-8 whatever it said, its other characters replaced: refused, naming the charset
        TestHttp.Response latin = partner(partnerId).send("POST", FILES, HEADER, "text/csv; charset=ISO-8859-1");
        assertThat(latin.status()).isEqualTo(400);
        assertThat(latin.body()).contains("ISO-8859-1").contains("UTF-8");
        assertThat(jdbc.sql("select count(*) from usage_file_job where owner = :owner").param("owner", partnerId)
                .query(Long.class).single()).isZero();
        assertThat(partner(partnerId).get(FILES + "/not-a-uuid").status()).isEqualTo(404);
    }

    /**
     * The upload reads no query parameter: there is no dry run, and {@code ?dryRun=true} was ignored, the file rated
     * for real (found on 2026-12-07).
     */
    @Test
    void aQueryParameterOnTheUploadIsA400NamingItAndNothingIsKept() {
        String partnerId = UUID.randomUUID().toString();
        String file = HEADER + "d1,VOICE,+49164" + unique() + "," + time() + ",60,S,EU\n";

        TestHttp.Response dryRun = partner(partnerId).send("POST", FILES + "?dryRun=true", file, "text/csv");

        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(400);
        assertThat(dryRun.json().path("violations").get(0).path("field").asString()).isEqualTo("dryRun");
        assertThat(dryRun.json().path("detail").asString()).contains("'dryRun'", "it reads none");
        assertThat(jdbc.sql("select count(*) from usage_file_job where owner = :owner").param("owner", partnerId)
                .query(Long.class).single()).isZero();
        assertThat(partner(partnerId).send("POST", FILES, file, "text/csv").status()).isEqualTo(201);
    }

    /**
     * Staff have no source of their own: a staff file without a source column had every row INVALID after the whole
     * file was stored (the OpenAPI example, a partner's file, sent as ops). And no staff row takes a partner's id as
     * its source.
     */
    @Test
    void aStaffFileNamesEachRowsSourceNeverAPartnersIdAndTheExampleIsAPartnersFile() throws IOException {
        String id = unique();
        String actor = "ops-file-" + id;
        TestHttp staff = TestHttp.localPort(port).as(TestJwt.staff(actor, Roles.OPS));
        String example;
        try (var in = RatingApplication.class.getResourceAsStream("/examples/rating/usage-file.csv")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        TestHttp.Response refused = staff.send("POST", FILES, example, "text/csv");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body()).contains("file", "source");
        assertThat(jdbc.sql("select count(*) from usage_file_job where submitted_by = :actor").param("actor", actor)
                .query(Long.class).single()).as("nothing stored").isZero();

        // the example is a partner's file: its rows take the partner's id as source (suspended here: no product)
        String partnerId = UUID.randomUUID().toString();
        TestHttp.Response partners = partner(partnerId).send("POST", FILES, example, "text/csv");
        assertThat(partners.status()).as(partners.toString()).isEqualTo(201);
        assertThat(partners.json().path("accepted").asLong()).isEqualTo(2);
        assertThat(partners.json().path("invalid").asLong()).isZero();

        // with the column, a staff file is read; a row naming a partner's id as its source is INVALID
        String other = UUID.randomUUID().toString();
        String file = "usageId,source,usageType,subscriberId,startTime,quantity,unit\r\n"
                + "m1,mediation-" + id + ",VOICE,+0000" + id + "," + time() + ",60,S\r\n"
                + "m2," + other + ",VOICE,+0000" + id + "," + time() + ",60,S\r\n";
        TestHttp.Response read = staff.send("POST", FILES, file, "text/csv");
        assertThat(read.status()).as(read.toString()).isEqualTo(201);
        assertThat(read.json().path("accepted").asLong()).isEqualTo(1);
        assertThat(read.json().path("invalid").asLong()).isEqualTo(1);
        String errors = staff.get(read.json().path("errorsHref").asString()).body();
        assertThat(errors.split("\r\n")).filteredOn(line -> line.startsWith("2,3,")).singleElement()
                .asString().startsWith("2,3,INVALID,m2,source,,").contains(other);
        assertThat(jdbc.sql("select count(*) from usage_source_day where source = :source").param("source", other)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aJobWhoseProcessIsKilledResumesAtItsCheckpointAndRatesEveryRowOnce() throws Exception {
        String id = unique();
        String subscriber = "+49166" + id;
        String partnerId = UUID.randomUUID().toString();
        partnerProduct(id, partnerId, subscriber);   // a partner reports usage of its own products only
        awaitRatable(model, subscriber);
        String time = time();
        int rows = 16_000;
        StringBuilder file = new StringBuilder(HEADER);
        long unique = 0;
        BigDecimal billed = BigDecimal.ZERO;
        for (int i = 0; i < rows; i++) {
            int number = i % 40 == 39 ? i - 5 : i;
            file.append("k").append(number).append(",VOICE,").append(subscriber).append(',').append(time)
                    .append(',').append(1 + number % 200).append(",S,EU\n");
            if (number == i) {
                unique++;
                billed = billed.add(BigDecimal.valueOf(Math.max(60, 1 + number % 200)));
            }
        }

        int otherPort = freePort();
        // the killed process's own temporary directory: the upload it was receiving stays there, not in this JVM's
        Path otherTmp = Files.createTempDirectory("rating-killed-tmp-");
        Process other = startRatingProcess(id, otherPort, otherTmp);
        UUID job;
        try {
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> !other.isAlive() || TestHttp.localPort(otherPort).get("/actuator/health").status() == 200);
            assertThat(other.isAlive()).as("the other rating process runs").isTrue();
            // processed during the upload (inline) by the other process, which is killed while it works
            HttpClient client = HttpClient.newHttpClient();
            client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + otherPort + FILES))
                    .header("Authorization", "Bearer " + TestJwt.partner("user-" + partnerId, partnerId,
                            Roles.PARTNER_USER))
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(file.toString())).build(),
                    HttpResponse.BodyHandlers.discarding());
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.sql(
                            "select count(*) from usage_file_job where owner = :owner and rows_read > 0")
                    .param("owner", partnerId).query(Long.class).single() == 1);
            other.destroyForcibly(); // SIGKILL mid-job: no shutdown hook, the lease stays until it expires
            other.waitFor();
            job = jdbc.sql("select id from usage_file_job where owner = :owner").param("owner", partnerId)
                    .query(UUID.class).single();
        } finally {
            other.destroyForcibly();
            other.waitFor();
            org.springframework.util.FileSystemUtils.deleteRecursively(otherTmp);
        }
        long atKill = jdbc.sql("select rows_read from usage_file_job where id = :id").param("id", job)
                .query(Long.class).single();
        assertThat(atKill).as("killed before it finished").isLessThan(rows);

        // this process's runner takes the job over once the lease has expired and resumes at the checkpoint
        String location = FILES + "/" + job;
        await().atMost(Duration.ofSeconds(300))
                .until(() -> partner(partnerId).get(location).json().path("state").asString().equals("COMPLETED"));
        JsonNode done = partner(partnerId).get(location).json();
        assertThat(done.path("rowsRead").asLong()).isEqualTo(rows);
        assertThat(done.path("rated").asLong()).isEqualTo(unique);
        assertThat(done.path("duplicates").asLong()).isEqualTo(rows - unique);
        assertThat(counters(partnerId)).containsExactly((long) rows, unique, 0L, rows - unique);
        var rated = jdbc.sql("""
                        select count(*) as records, count(distinct usage_id) as ids, sum(billed_quantity) as billed
                        from usage_rated where source = :source""")
                .param("source", partnerId).query().singleRow();
        assertThat(((Number) rated.get("records")).longValue()).isEqualTo(unique);
        assertThat(((Number) rated.get("ids")).longValue()).isEqualTo(unique);
        assertThat((BigDecimal) rated.get("billed")).isEqualByComparingTo(billed);
        assertThat(jdbc.sql("select count(*) from usage_file_error where job_id = :job").param("job", job)
                .query(Long.class).single()).isEqualTo(rows - unique);
        assertThat(jdbc.sql("select count(*) from usage_submission where owner = :owner").param("owner", partnerId)
                .query(Long.class).single()).isEqualTo(unique);
    }

    /**
     * A job whose chunk fails every time (here a fault trigger refuses one row, as a defect or a broken database
     * object would) is retried with a growing wait and FAILED after the attempts allowed, at its checkpoint. Its owner
     * resumes it once the cause is gone and it goes on from there, every row rated once; another such job cancelled
     * stays where it stood, its stored file deleted.
     */
    @Test
    void aJobThatKeepsFailingIsResumedFromItsCheckpointOrCancelledWhereItStands() {
        String id = unique();
        String resumedPartner = UUID.randomUUID().toString();
        String cancelledPartner = UUID.randomUUID().toString();
        String subscriber = "+49167" + id;
        String otherSubscriber = "+49169" + id;
        partnerProduct(id, resumedPartner, subscriber);
        partnerProduct(id + "-b", cancelledPartner, otherSubscriber);
        awaitRatable(model, subscriber, otherSubscriber);
        String time = time();
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i < 3_000; i++) {
            file.append('u').append(i).append(",VOICE,").append(subscriber).append(',').append(time).append(",90,S,EU\n");
        }
        String otherFile = file.toString().replace(subscriber, otherSubscriber);
        TestInfrastructure.RefusedRows refusal = TestInfrastructure.refuseRows(DATABASE, "usage_submission",
                "new.usage_id = 'u2500' and new.source in ('%s', '%s')".formatted(resumedPartner, cancelledPartner),
                "P0001");
        String resumed;
        String cancelled;
        try {
            resumed = partner(resumedPartner).header("Prefer", "respond-async")
                    .send("POST", FILES, file.toString(), "text/csv").header("Location");
            cancelled = partner(cancelledPartner).header("Prefer", "respond-async")
                    .send("POST", FILES, otherFile, "text/csv").header("Location");
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> state(resumedPartner, resumed).equals("FAILED"));
            JsonNode failed = partner(resumedPartner).get(resumed).json();
            assertThat(failed.path("rowsRead").asLong()).as("the two chunks before the failing one").isEqualTo(2_000);
            assertThat(failed.path("attempts").asInt()).isEqualTo(3);
            // ops find the jobs waiting for them; a partner its own
            TestHttp staff = TestHttp.localPort(port).as(TestJwt.staff("ops-1", Roles.OPS));
            assertThat(ids(staff.get(FILES + "?state=FAILED&limit=500"))).contains(resumed);
            assertThat(ids(partner(resumedPartner).get(FILES + "?state=FAILED"))).containsExactly(resumed);
            assertThat(ids(partner(resumedPartner).get(FILES + "?state=COMPLETED"))).isEmpty();
            TestHttp.Response unknown = partner(resumedPartner).get(FILES + "?state=STUCK");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.body()).contains("state");
            // what went wrong in kind, not our statements: the owner is a partner (the whole error is in the log)
            assertThat(failed.path("failure").asString()).isEqualTo("stopped after 3 failed attempts at row 2001:"
                    + " database error, SQL state P0001 (details in the rating service's log under this job's id)");

            // the other is cancelled where it stands (between two attempts or failed already)
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> partner(cancelledPartner).get(cancelled).json().path("attempts").asInt() > 0);
            TestHttp.Response cancel = partner(cancelledPartner).post(cancelled + "/cancel", "");
            assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
            assertThat(cancel.json().path("state").asString()).isEqualTo("CANCELLED");
            assertThat(cancel.json().path("rowsRead").asLong()).isEqualTo(2_000);
            assertThat(partner(cancelledPartner).post(cancelled + "/cancel", "").status()).isEqualTo(409);
            assertThat(partner(cancelledPartner).post(cancelled + "/resume", "").status()).isEqualTo(409);

            // resumed while the cause is still there: it fails again at the same row, nothing twice
            assertThat(partner(resumedPartner).post(resumed + "/resume", "").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> state(resumedPartner, resumed).equals("FAILED"));
            assertThat(partner(resumedPartner).get(resumed).json().path("rowsRead").asLong()).isEqualTo(2_000);
        } finally {
            refusal.close();
        }

        // the cause fixed, its owner resumes it: only the owner (or ops), and only a FAILED job
        String jobId = resumed.substring(resumed.lastIndexOf('/') + 1);
        assertThat(partner(UUID.randomUUID().toString()).post(resumed + "/resume", "").status()).isEqualTo(404);
        TestHttp auditor = TestHttp.localPort(port).as(TestJwt.staff("aud-1", Roles.AUDITOR));
        assertThat(auditor.post(resumed + "/resume", "").status()).isEqualTo(403);
        TestHttp.Response resume = partner(resumedPartner).post(resumed + "/resume", "");
        assertThat(resume.status()).as(resume.toString()).isEqualTo(200);
        assertThat(resume.json().path("attempts").asInt()).isZero();
        TestHttp.Response again = partner(resumedPartner).post(resumed + "/resume", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        await().atMost(Duration.ofSeconds(120))
                .until(() -> state(resumedPartner, resumed).equals("COMPLETED"));
        JsonNode done = partner(resumedPartner).get(resumed).json();
        assertThat(done.path("rowsRead").asLong()).isEqualTo(3_000);
        assertThat(done.path("rated").asLong()).isEqualTo(3_000);
        assertThat(counters(resumedPartner)).containsExactly(3_000L, 3_000L, 0L, 0L);
        assertThat(jdbc.sql("select count(*) from usage_rated where source = :source").param("source", resumedPartner)
                .query(Long.class).single()).isEqualTo(3_000);
        assertThat(partner(resumedPartner).post(resumed + "/cancel", "").status()).isEqualTo(409);

        // the cancelled job stays where it stood, and its file is gone
        String cancelledId = cancelled.substring(cancelled.lastIndexOf('/') + 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> partner(cancelledPartner).get(cancelled).json().path("rowsRead").asLong() == 2_000);
        assertThat(state(cancelledPartner, cancelled)).isEqualTo("CANCELLED");
        assertThat(counters(cancelledPartner)).containsExactly(2_000L, 2_000L, 0L, 0L);
        assertThat(jdbc.sql("select count(*) from usage_file_chunk where job_id = :id")
                .param("id", UUID.fromString(cancelledId)).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        select string_agg(action, ',' order by action) from audit_event
                        where resource_type = 'UsageFileJob' and resource_id in (:ids)""")
                .param("ids", List.of(jobId, cancelledId)).query(String.class).single())
                .isEqualTo("CANCEL,RESUME,RESUME");
    }

    @Test
    void aFailedJobNobodyResumesIsCancelledAfterTheRetentionAndItsFileDeleted() {
        String partnerId = UUID.randomUUID().toString();
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        for (UUID job : List.of(old, recent)) {
            jdbc.sql("""
                            insert into usage_file_job (id, owner, own_source, submitted_by, file_name, file_size, state,
                                rows_read, rated, attempts, failure, created_at, started_at, completed_at, updated_at)
                            values (:id, :owner, :owner, 'partner-admin', 'cdr.csv', 4, 'FAILED', 1000, 1000, 5,
                                'stopped after 5 failed attempts at row 1001: internal error', now() - :age,
                                now() - :age, now() - :age, now() - :age)""")
                    .param("id", job).param("owner", partnerId)
                    // the default retention is 30 days: one failed 31 days ago, the other 29
                    .param("age", new org.postgresql.util.PGInterval(0, 0, job == old ? 31 : 29, 0, 0, 0)).update();
            jdbc.sql("insert into usage_file_chunk (job_id, seq, data) values (:id, 0, :data)")
                    .param("id", job).param("data", "a,b\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).update();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> state(partnerId, FILES + "/" + old).equals("CANCELLED"));

        JsonNode expired = partner(partnerId).get(FILES + "/" + old).json();
        assertThat(expired.path("rowsRead").asLong()).isEqualTo(1_000);
        assertThat(expired.path("failure").asString()).startsWith("stopped after 5 failed attempts");
        assertThat(state(partnerId, FILES + "/" + recent)).isEqualTo("FAILED");
        assertThat(jdbc.sql("select job_id from usage_file_chunk where job_id in (:ids)")
                .param("ids", List.of(old, recent)).query(UUID.class).list()).containsExactly(recent);
        assertThat(jdbc.sql("select actor || ' ' || action || ' ' || (after_state ->> 'state') from audit_event"
                        + " where resource_type = 'UsageFileJob' and resource_id in (:ids)")
                .param("ids", List.of(old.toString(), recent.toString())).query(String.class).list())
                .containsExactly("system EXPIRE CANCELLED");
    }

    private static List<String> ids(TestHttp.Response listing) {
        assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
        List<String> hrefs = new ArrayList<>();
        listing.json().forEach(job -> hrefs.add(job.path("href").asString()));
        return hrefs;
    }

    private String state(String partnerId, String location) {
        return partner(partnerId).get(location).json().path("state").asString();
    }

    /** The rating service in its own JVM on this test's database and broker, its pipeline off, a short lease. */
    private static Process startRatingProcess(String id, int port, Path tmp) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), RatingApplication.class.getName()));
        for (String property : AccordTestInitializer.databaseProperties("test_rating")) {
            command.add("--" + property);
        }
        command.addAll(List.of(
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrap(),
                "--accord.platform.jwt.issuer-uri=" + TestJwt.ISSUER,
                "--accord.platform.jwt.public-key-location=file:" + TestJwt.publicKeyFile(),
                "--server.port=" + port,
                "--accord.rating.ingest.enabled=false",
                "--accord.rating.usage-files.lease=10s",
                "--accord.rating.usage-files.inline-max-size=100MB"));
        Path log = Files.createTempFile("rating-file-killed-" + id, ".log");
        log.toFile().deleteOnExit();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(new File(".")).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    Long[] counters(String source) {
        return jdbc.sql("""
                        select coalesce(sum(received), 0), coalesce(sum(rated), 0), coalesce(sum(suspended), 0),
                               coalesce(sum(duplicates), 0) from usage_source_day where source = :source""")
                .param("source", source)
                .query((rs, n) -> new Long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
    }
}
