package io.accord.portal.layout;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * English and German (messages.properties, messages_de.properties): the browser's language first, {@code ?lang=de}
 * or {@code ?lang=en} (the switch in the footer) remembered in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("accord-lang");
        // no cookie yet: the browser's language, English when it names none
        resolver.setDefaultLocaleFunction(request ->
                request.getHeader("Accept-Language") == null ? Locale.ENGLISH : request.getLocale());
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
        registry.addInterceptor(new PageBounds());
        registry.addInterceptor(new FailedAnswers());
    }
}
