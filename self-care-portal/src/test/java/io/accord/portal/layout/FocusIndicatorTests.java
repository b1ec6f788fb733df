package io.accord.portal.layout;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The focus ring stands out (3:1, WCAG 1.4.11) from the white cards and the grey page background it is drawn on, and
 * in the dark header from the header (once an amber ring of 1.64:1 on white).
 */
class FocusIndicatorTests {

    private static final double NEEDED = 3.0;

    @Test
    void theFocusRingContrastsWithCardsPageAndHeader() throws IOException {
        String css = Files.readString(Path.of("src/main/resources/static/css/portal.css"));
        String focus = variable(css, "focus");
        assertThat(contrast(focus, variable(css, "card"))).as("focus ring on cards").isGreaterThanOrEqualTo(NEEDED);
        assertThat(contrast(focus, variable(css, "bg"))).as("focus ring on the page").isGreaterThanOrEqualTo(NEEDED);
        assertThat(css).contains("outline: 3px solid var(--focus)");
        Matcher header = Pattern.compile("\\.site-header a:focus[^{]*\\{[^}]*outline-color: var\\(--([a-z-]+)\\)")
                .matcher(css);
        assertThat(header.find()).as("the header's own focus colour").isTrue();
        assertThat(contrast(variable(css, header.group(1)), variable(css, "ink"))).as("focus ring in the header")
                .isGreaterThanOrEqualTo(NEEDED);
    }

    private static String variable(String css, String name) {
        Matcher matcher = Pattern.compile("--" + Pattern.quote(name) + ":\\s*(#[0-9a-fA-F]{6})").matcher(css);
        assertThat(matcher.find()).as("--" + name).isTrue();
        return matcher.group(1);
    }

    private static double contrast(String one, String other) {
        double a = luminance(one);
        double b = luminance(other);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String hex) {
        double[] weights = {0.2126, 0.7152, 0.0722};
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            double channel = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            sum += weights[i] * (channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4));
        }
        return sum;
    }
}
