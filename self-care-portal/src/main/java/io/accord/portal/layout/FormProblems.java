package io.accord.portal.layout;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

import io.accord.portal.gateway.GatewayProblem;
import io.accord.portal.security.PortalUser;

/**
 * A service's refusal of a form, in the user's language. The services write their field messages in English (Jakarta
 * Validation's: "must be a well-formed email address", "size must be between 0 and 200") and a detail naming their
 * internal field paths ("The request has invalid fields: billing.email"). At the fields each message becomes the
 * portal's text for its kind ({@code form.violation.<kind>}: blank, email, size, range, pattern), a message of no
 * known kind the generic "This value is not accepted." (the service's own message stays for English, where it is
 * the more precise); the service's detail only where it says what the portal cannot ({@link #detail}); staff
 * always read it, as on the error pages ({@link ErrorAnswers}). Until 2026-12-07 a German partner read the English messages and detail at the profile's
 * contacts, the document upload and the quote form.
 */
@Component("formProblems")
public class FormProblems {

    /**
     * Jakarta Validation's own messages (optionally after the field's name, as the starter writes a parameter's, and
     * before a service's explanation after a colon); a service's message in its own words is none of these.
     */
    private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?)";
    private static final String PREFIX = "^(?:[\\w.\\[\\]]+ )?";
    private static final String SUFFIX = "(?:[:;].*)?$";
    private static final Pattern SIZE = Pattern.compile(PREFIX + "(?:size|length) must be between " + NUMBER + " and "
            + NUMBER + SUFFIX);
    private static final Pattern BETWEEN = Pattern.compile(PREFIX + "must be between " + NUMBER + " and " + NUMBER
            + SUFFIX);
    private static final Pattern AT_LEAST = Pattern.compile(PREFIX + "must be greater than or equal to " + NUMBER
            + SUFFIX);
    private static final Pattern AT_MOST = Pattern.compile(PREFIX + "must be less than or equal to " + NUMBER + SUFFIX);
    private static final Pattern BLANK = Pattern.compile(PREFIX + "(?:must not be (?:blank|empty|null)|is required)"
            + SUFFIX);
    private static final Pattern EMAIL = Pattern.compile(PREFIX + "must be a well-formed email address" + SUFFIX);
    private static final Pattern MATCH = Pattern.compile(PREFIX + "must match .*");

    private final MessageSource messages;

    FormProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** Each field's message (as {@code GatewayProblem.messagesByField} gives them) in the user's language. */
    public Map<String, String> localized(Map<String, String> byField) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> localized = new LinkedHashMap<>();
        byField.forEach((field, message) -> localized.put(field, localized(message, locale)));
        return localized;
    }

    /** One service field message in {@code locale}. */
    String localized(String message, Locale locale) {
        String text = message == null ? "" : message.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher size = SIZE.matcher(lower);
        Matcher between = BETWEEN.matcher(lower);
        Matcher atLeast = AT_LEAST.matcher(lower);
        Matcher atMost = AT_MOST.matcher(lower);
        boolean english = "en".equals(locale.getLanguage());
        if (english && text.contains(":")) {
            // the service explains its rule in its own words ("must be between 1 and 100: one item takes ...")
            return text;
        } else if (BLANK.matcher(lower).matches()) {
            return text("form.violation.blank", locale);
        } else if (EMAIL.matcher(lower).matches()) {
            return text("form.violation.email", locale);
        } else if (size.matches()) {
            return text("form.violation.size", locale, size.group(1), size.group(2));
        } else if (between.matches()) {
            return text("form.violation.range", locale, between.group(1), between.group(2));
        } else if (atLeast.matches()) {
            return text("form.violation.min", locale, atLeast.group(1));
        } else if (atMost.matches()) {
            return text("form.violation.max", locale, atMost.group(1));
        } else if (MATCH.matcher(lower).matches()) {
            return text("form.violation.pattern", locale);
        }
        return english && !text.isEmpty() ? text : text("form.violation.invalid", locale);
    }

    /**
     * The service's detail for the user, {@code null} when it is not shown. Staff (an Accord role, not a partner's)
     * read it to trace what failed. Partners and applicants read it only where the portal has no words of its own
     * for the refusal (a rule of the service: a 409's or 422's reason): not for invalid fields (the fields say it in
     * the user's language; the detail only names the service's field paths) nor for a 403 (the page says whether
     * the role or the four-eyes rule refused it) nor for a stale form (412: the page says someone else changed it).
     */
    public String detail(GatewayProblem problem) {
        if (problem == null) {
            return null;
        }
        boolean saidByThePortal = !problem.violations().isEmpty() || problem.status() == 403 || problem.isStale();
        return staff() || !saidByThePortal ? problem.detail() : null;
    }

    private static boolean staff() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser oidc)) {
            return false;
        }
        PortalUser user = PortalUser.of(oidc);
        return !user.roles().isEmpty() && !user.isPartner();
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
