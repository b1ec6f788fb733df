package io.accord.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailSinkTests {

    @TempDir
    Path directory;

    @Test
    void keepsWhatArrivesOverSmtpInTheRecipientsMailboxReadableOverItsApi() throws IOException {
        try (MailSink sink = MailSink.start(directory, 0, 0, 0)) {
            assertThat(sink.messagesTo("ada@example.com")).isEmpty();

            send(sink.smtpPort(), "ada@example.com", "Set your password", "https://localhost/action?key=abc");

            assertThat(sink.messagesTo("ada@example.com")).singleElement().satisfies(message -> {
                assertThat(message.subject()).isEqualTo("Set your password");
                assertThat(message.mimeMessage()).contains("https://localhost/action?key=abc");
            });
            assertThat(sink.messagesTo("bob@example.com")).isEmpty();
            assertThat(sink.logFile()).exists();
        }
    }

    @Test
    void stopsItsProcessOnClose() {
        MailSink sink = MailSink.start(directory, 0, 0, 0);
        long pid = sink.pid();

        sink.close();

        assertThat(Processes.isAlive(pid)).isFalse();
    }

    /** A plain SMTP dialogue, as Keycloak's mail sender has it (no auth, no TLS). */
    private static void send(int port, String to, String subject, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port);
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                     StandardCharsets.US_ASCII));
             Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII)) {
            expect(in, "220");
            for (String[] step : new String[][]{{"HELO localhost", "250"}, {"MAIL FROM:<accord@localhost>", "250"},
                    {"RCPT TO:<" + to + ">", "250"}, {"DATA", "354"},
                    {"Subject: " + subject + "\r\n\r\n" + body + "\r\n.", "250"}, {"QUIT", "221"}}) {
                out.write(step[0] + "\r\n");
                out.flush();
                expect(in, step[1]);
            }
        }
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            assertThat(line).as("SMTP answer").isNotNull().startsWith(code);
        } while (line.charAt(3) == '-');
    }
}
