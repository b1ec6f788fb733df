package io.accord.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No service's packaged configuration carries a secret: a secret-like setting is either absent or a placeholder
 * without a fallback ({@code ${VAR:}}), so a deployment that forgets it fails instead of running on a value from
 * Git. Dev secrets live only in the realm file and this launcher, which passes them.
 */
class NoSecretDefaultsTests {

    private static final Pattern SECRET_SETTING = Pattern.compile(
            "^\\s*([\\w.-]*(secret|password|credential|private-key|api-key|token)[\\w.-]*)\\s*[:=]\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NO_FALLBACK = Pattern.compile("\\$\\{[A-Z0-9_]+:?}|");

    @Test
    void serviceConfigurationHasNoSecretValuesOrFallbacks() throws IOException {
        List<Path> files = configurationFiles();
        List<String> offending = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher setting = SECRET_SETTING.matcher(lines.get(i));
                if (setting.matches() && !lines.get(i).strip().startsWith("#")
                        && !NO_FALLBACK.matcher(unquoted(setting.group(3))).matches()) {
                    offending.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(files).as("the services' application files").hasSizeGreaterThanOrEqualTo(7);
        assertThat(offending).isEmpty();
    }

    @Test
    void theCheckCatchesAFallbackSecret() {
        Matcher setting = SECRET_SETTING.matcher("      client-secret: ${ACCORD_X_SECRET:committed-value}");

        assertThat(setting.matches()).isTrue();
        assertThat(NO_FALLBACK.matcher(setting.group(3)).matches()).isFalse();
        assertThat(NO_FALLBACK.matcher("${ACCORD_X_SECRET:}").matches()).isTrue();
    }

    private static List<Path> configurationFiles() throws IOException {
        try (Stream<Path> modules = Files.list(Path.of("../.."))) {
            List<Path> files = new ArrayList<>();
            for (Path resources : modules.map(module -> module.resolve("src/main/resources")).filter(Files::isDirectory)
                    .toList()) {
                try (Stream<Path> found = Files.walk(resources)) {
                    found.filter(file -> file.getFileName().toString().matches("(application|bootstrap).*\\.(ya?ml|properties)"))
                            .forEach(files::add);
                }
            }
            return files;
        }
    }

    private static String unquoted(String value) {
        String stripped = value.strip();
        return stripped.length() >= 2 && (stripped.startsWith("\"") || stripped.startsWith("'"))
                ? stripped.substring(1, stripped.length() - 1) : stripped;
    }
}
