package io.accord.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local SMTP sink for development and tests: GreenMail standalone (from Maven Central, run from its jar in its
 * own JVM so its shaded libraries stay off the caller's classpath). It accepts every message on its SMTP port
 * without authentication, keeps one mailbox per recipient, and serves them over IMAP and its REST API
 * ({@code GET /api/user/<email>/messages/}). Nothing leaves the machine.
 */
public final class MailSink implements AutoCloseable {

    static final String JAR_RESOURCE = "greenmail.classpath";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(MailSink.class);

    private final Process process;
    private final int smtpPort;
    private final int imapPort;
    private final int apiPort;
    private final Path logFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile ShutdownHook shutdownHook;

    private MailSink(Process process, int smtpPort, int imapPort, int apiPort, Path logFile) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.apiPort = apiPort;
        this.logFile = logFile;
    }

    /**
     * Starts GreenMail on 127.0.0.1 and returns once its API answers; 0 for a port picks a free one.
     *
     * @param directory where its log ({@code mail.log}) goes; mailboxes live in memory and end with the process
     */
    public static MailSink start(Path directory, int smtpPort, int imapPort, int apiPort) {
        int smtp = smtpPort == 0 ? Processes.freePort() : smtpPort;
        int imap = imapPort == 0 ? Processes.freePort() : imapPort;
        int api = apiPort == 0 ? Processes.freePort() : apiPort;
        Path logFile = directory.toAbsolutePath().normalize().resolve("mail.log");
        List<String> command = new ArrayList<>(Processes.ownSession());
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms16m", "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-Dgreenmail.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + smtp,
                "-Dgreenmail.imap.port=" + imap,
                "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + api,
                // any sender, any recipient, no login: a mailbox appears for each recipient
                "-Dgreenmail.auth.disabled",
                "-jar", jar().toString()));
        Process process;
        try {
            Files.createDirectories(logFile.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Redirect.to(logFile.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start GreenMail: " + command, e);
        }
        MailSink sink = new MailSink(process, smtp, imap, api, logFile);
        sink.shutdownHook = ShutdownHook.register("mail-sink-shutdown-" + smtp, sink::close);
        try {
            sink.awaitReady();
        } catch (RuntimeException e) {
            sink.close();
            throw e;
        }
        log.info("GreenMail SMTP sink on 127.0.0.1:{}, mailboxes at {} (pid {})", smtp, sink.apiUrl(), process.pid());
        return sink;
    }

    /** Stops a sink started by another process (the launcher's {@code down}). */
    public static boolean stopProcess(long pid) {
        return Processes.stop(pid, "TERM", SHUTDOWN_GRACE);
    }

    public String smtpHost() {
        return "localhost";
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** {@code http://localhost:PORT}: GreenMail's REST API and its own browsable documentation. */
    public String apiUrl() {
        return "http://localhost:" + apiPort;
    }

    /** Where the messages of one recipient are read: {@code GET} answers a JSON array. */
    public String messagesUrl(String email) {
        return apiUrl() + "/api/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/";
    }

    /** Answers 200 once GreenMail serves. */
    public URI readinessUri() {
        return URI.create("http://127.0.0.1:" + apiPort + "/api/service/readiness");
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * The messages delivered to one recipient so far, oldest first, as GreenMail's API reports them (its API
     * answers 400 for an address that received nothing yet; that is an empty list here).
     */
    public List<Message> messagesTo(String email) {
        HttpResponse<String> response = get(URI.create(messagesUrl(email)));
        if (response.statusCode() == 400 && response.body().contains("not found")) {
            return List.of(); // the mailbox appears with its first message
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GreenMail answered " + response.statusCode() + ": " + response.body());
        }
        List<Message> messages = new ArrayList<>();
        for (JsonNode message : JSON.readTree(response.body())) {
            messages.add(new Message(message.path("subject").asString(""), message.path("mimeMessage").asString("")));
        }
        return messages;
    }

    /** One delivered message: its subject and the whole MIME text (headers and body). */
    public record Message(String subject, String mimeMessage) {
    }

    /** Keeps GreenMail running after this JVM exits; stop it later with {@link #stopProcess(long)}. */
    public void detach() {
        ShutdownHook hook = shutdownHook;
        shutdownHook = null;
        if (hook != null) {
            hook.remove();
        }
    }

    @Override
    public void close() {
        detach();
        if (process.isAlive()) {
            stopProcess(process.pid());
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("GreenMail exited with code " + process.exitValue() + " during startup");
            }
            try {
                if (get(readinessUri()).statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            EmbeddedPostgres.sleep(Duration.ofMillis(200));
        }
        throw failure("GreenMail not ready within " + STARTUP_TIMEOUT.toSeconds() + " s");
    }

    private HttpResponse<String> get(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GreenMail not reachable at " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking GreenMail", e);
        }
    }

    private IllegalStateException failure(String message) {
        return new IllegalStateException(message + "; log " + logFile + ":" + System.lineSeparator()
                + Processes.tail(logFile, 30));
    }

    /** The GreenMail standalone jar, whose path Maven wrote into this module's jar at build time. */
    static Path jar() {
        try (InputStream in = MailSink.class.getResourceAsStream(JAR_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(JAR_RESOURCE + " is missing from embedded-infra's jar: "
                        + "build it with Maven (./mvnw -pl embedded-infra install)");
            }
            Path jar = Path.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("GreenMail's jar " + jar
                        + " is missing: run ./mvnw -pl embedded-infra -am install to fetch it");
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + JAR_RESOURCE, e);
        }
    }
}
