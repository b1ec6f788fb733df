package io.accord.portal.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' codes on the pages: every value {@link Codes#KNOWN} lists has a text in English and in German, every
 * kind a template asks for is listed there, and a value without a text still reads as words.
 */
class CodeLabelsTests {

    private static final Pattern CODE_IN_TEMPLATE = Pattern.compile("@display\\.(?:code|codes|codeOrAsIs)\\('([A-Za-z]+)'");
    private static final Pattern KIND_OF_FRAGMENT = Pattern.compile("orders-fragments :: state\\([^)]*, '([A-Za-z]+)'\\)");

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void everyKnownCodeHasATextInBothLanguages() {
        Properties english = bundle("messages.properties");
        Properties german = bundle("messages_de.properties");
        List<String> missing = new ArrayList<>();
        Codes.KNOWN.forEach((kind, values) -> values.forEach(value -> {
            String key = Codes.key(kind, value);
            if (english.getProperty(key, "").isBlank()) {
                missing.add("en " + key);
            }
            if (german.getProperty(key, "").isBlank()) {
                missing.add("de " + key);
            }
        }));
        assertThat(missing).isEmpty();
        assertThat(Codes.KNOWN).containsKeys("DisputeStatus", "DisputeCategory", "StatementState", "Unit",
                "ReconciliationOutcome", "OrderState", "QuoteState", "DocumentType", "Check");
    }

    @Test
    void noTextIsLeftForACodeTheListDoesNotKnow() {
        List<String> stray = new ArrayList<>();
        for (Properties bundle : List.of(bundle("messages.properties"), bundle("messages_de.properties"))) {
            for (String key : bundle.stringPropertyNames()) {
                if (key.startsWith("code.")) {
                    String[] parts = key.split("\\.", 3);
                    boolean known = Codes.KNOWN.getOrDefault(parts[1], List.of()).stream()
                            .anyMatch(value -> Codes.key(parts[1], value).equals(key));
                    if (!known) {
                        stray.add(key);
                    }
                }
            }
        }
        assertThat(stray).isEmpty();
    }

    @Test
    void everyKindATemplateShowsIsListed() throws IOException {
        List<String> kinds = new ArrayList<>();
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.toList()) {
                String html = Files.readString(template);
                for (Pattern pattern : List.of(CODE_IN_TEMPLATE, KIND_OF_FRAGMENT)) {
                    Matcher matcher = pattern.matcher(html);
                    while (matcher.find()) {
                        kinds.add(matcher.group(1));
                    }
                }
            }
        }
        assertThat(kinds).as("templates show codes through @display.code").hasSizeGreaterThan(30);
        assertThat(Codes.KNOWN.keySet()).containsAll(kinds);
    }

    @Test
    void aCodeIsShownInTheUsersLanguageAndOneWithoutATextAsWords() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        DisplayHelper display = new DisplayHelper(messages);

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(display.code("DisputeCategory", "RATE")).isEqualTo("Wrong rate");
        assertThat(display.code("DisputeStatus", "inReview")).isEqualTo("In review");
        assertThat(display.code("Unit", "MIN")).isEqualTo("min");
        assertThat(display.codes("ReconciliationKey", List.of("OFFERING", "USAGE_TYPE", "PERIOD")))
                .isEqualTo("offering, usage type, period");
        assertThat(display.code("DisputeStatus", "awaitingCustomer")).as("a state added later")
                .isEqualTo("Awaiting customer");
        assertThat(display.code("DisputeOutcome", "NOT_YET_KNOWN")).isEqualTo("Not yet known");
        assertThat(display.code("Check", "sanctions-list")).isEqualTo("Sanctions list");
        assertThat(display.code("DisputeStatus", null)).isEmpty();
        assertThat(display.codeOrAsIs("Signature", "onboarding policy")).isEqualTo("onboarding policy");
        assertThat(display.codeOrAsIs("Signature", "partner-manager")).as("a signer's name stays")
                .isEqualTo("partner-manager");

        LocaleContextHolder.setLocale(Locale.GERMAN);
        assertThat(display.code("DisputeCategory", "OTHER")).isEqualTo("Sonstiges");
        assertThat(display.code("StatementDirection", "PAYABLE")).isEqualTo("An den Partner zu zahlen");
        assertThat(display.code("SettlementCycle", "MONTHLY")).isEqualTo("Monatlich");
        assertThat(display.codeOrAsIs("Signature", "onboarding policy")).isEqualTo("Onboarding-Richtlinie");
    }

    private static Properties bundle(String name) {
        Properties properties = new Properties();
        try (InputStream in = CodeLabelsTests.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
