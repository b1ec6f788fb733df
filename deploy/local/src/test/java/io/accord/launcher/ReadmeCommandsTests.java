package io.accord.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The README's commands stay copy-paste runnable: every file a {@code bash} block names exists in the checkout,
 * every shell variable a block uses is set by an earlier command, and every relative link points at a file.
 */
class ReadmeCommandsTests {

    private static final Path ROOT = projectRoot();
    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    /** {@code -d @file}, {@code -F file=@file}: files curl reads. */
    private static final Pattern CURL_FILE = Pattern.compile("@([A-Za-z0-9_./-]+)");
    /** {@code ./accord}, {@code examples/onboarding/...}: paths in the checkout. */
    private static final Pattern CHECKOUT_PATH = Pattern.compile("(?<![\\w/.])(\\./[\\w./-]+|examples/[\\w./-]+)");
    private static final Pattern VARIABLE_USE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern VARIABLE_SET = Pattern.compile("(?:^|[\\s;&(])([A-Za-z_][A-Za-z0-9_]*)=");
    private static final Pattern RELATIVE_LINK = Pattern.compile("\\]\\((?!https?:|#)([^)#\\s]+)\\)");

    @Test
    void everyFileTheCommandsNameExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String block : bashBlocks()) {
            for (String path : matches(CURL_FILE, block)) {
                if (!path.startsWith("/") && !Files.exists(ROOT.resolve(path))) {
                    missing.add(path);
                }
            }
            for (String path : matches(CHECKOUT_PATH, block)) {
                if (!Files.exists(ROOT.resolve(path))) {
                    missing.add(path);
                }
            }
        }
        assertThat(missing).as("files named in README.md's bash blocks, relative to " + ROOT).isEmpty();
        assertThat(String.join("\n", bashBlocks())).contains("@examples/onboarding/application.json",
                "@examples/onboarding/tax-form.pdf", "@examples/onboarding/bank-statement.pdf");
    }

    @Test
    void everyVariableIsSetBeforeItIsUsed() throws IOException {
        Set<String> set = new LinkedHashSet<>();
        List<String> unset = new ArrayList<>();
        for (String block : bashBlocks()) {
            for (String line : block.split("\n")) {
                String command = line.replaceAll("#.*", "");
                for (String variable : matches(VARIABLE_USE, command)) {
                    if (!set.contains(variable) && !definedOnLineBefore(command, variable)) {
                        unset.add(variable + " in: " + line.strip());
                    }
                }
                set.addAll(matches(VARIABLE_SET, command));
            }
        }
        assertThat(unset).as("variables used in README.md before a command sets them").isEmpty();
    }

    @Test
    void loginsFailLoudlyInsteadOfPassingNullOn() throws IOException {
        for (String block : bashBlocks()) {
            for (String line : block.split("\n")) {
                if (line.contains(".access_token")) {
                    assertThat(line).as("a token taken with jq must fail on a failed login").contains("jq -er");
                }
            }
        }
    }

    @Test
    void everyRelativeLinkPointsAtAFile() throws IOException {
        List<String> broken = matches(RELATIVE_LINK, readme()).stream()
                .filter(link -> !Files.exists(ROOT.resolve(link))).toList();
        assertThat(broken).as("links in README.md").isEmpty();
    }

    private static boolean definedOnLineBefore(String line, String variable) {
        Matcher set = Pattern.compile("(?:^|[\\s;&(])" + variable + "=").matcher(line);
        return set.find() && set.start() < line.indexOf("$" + variable);
    }

    private static List<String> bashBlocks() throws IOException {
        List<String> blocks = new ArrayList<>();
        Matcher matcher = BASH_BLOCK.matcher(readme());
        while (matcher.find()) {
            // shell line continuations: one command per line
            blocks.add(matcher.group(1).replace("\\\n", " "));
        }
        assertThat(blocks).as("bash blocks in README.md").isNotEmpty();
        return blocks;
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"));
    }

    /** Surefire runs in deploy/local; the checkout is two levels up. */
    private static Path projectRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("accord"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("no checkout (with ./accord) above " + Path.of("").toAbsolutePath());
        }
        return directory;
    }
}
