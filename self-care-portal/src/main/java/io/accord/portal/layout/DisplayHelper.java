package io.accord.portal.layout;

import org.springframework.stereotype.Component;

/** {@link Display} for templates: {@code ${@display.money(amount, currency)}}, {@code ${@display.amount(…)}}. */
@Component("display")
public class DisplayHelper {

    /** {@link Display#money}. */
    public String money(Object amount, String currency) {
        return Display.money(amount, currency);
    }

    /** {@link Display#amount(Object, String, java.util.Locale)} in the user's language: the amount alone. */
    public String amount(Object amount, String currency) {
        return Display.amount(amount, currency, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }
}
