package io.accord.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local Maven repository Maven itself would use on this machine, so an artifact resolved by a build is found
 * here and one downloaded here is found by the next build.
 */
final class LocalMavenRepository {

    private LocalMavenRepository() {
    }

    /**
     * {@code -Dmaven.repo.local}, then {@code -Dmaven.repo.local=} in {@code MAVEN_OPTS}, then
     * {@code <localRepository>} of {@code ~/.m2/settings.xml}, then {@code ~/.m2/repository}.
     */
    static Path location() {
        String property = System.getProperty("maven.repo.local");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String mavenOpts = System.getenv("MAVEN_OPTS");
        if (mavenOpts != null) {
            Matcher m = Pattern.compile("-Dmaven\\.repo\\.local=(\"[^\"]+\"|\\S+)").matcher(mavenOpts);
            if (m.find()) {
                return Path.of(m.group(1).replace("\"", ""));
            }
        }
        Path userHome = Path.of(System.getProperty("user.home"));
        Path settings = userHome.resolve(".m2").resolve("settings.xml");
        if (Files.isRegularFile(settings)) {
            try {
                Matcher m = Pattern.compile("<localRepository>\\s*([^<]+?)\\s*</localRepository>")
                        .matcher(Files.readString(settings));
                if (m.find()) {
                    return Path.of(m.group(1).replace("${user.home}", userHome.toString()));
                }
            } catch (IOException ignored) {
                // fall back to the default
            }
        }
        return userHome.resolve(".m2").resolve("repository");
    }
}
