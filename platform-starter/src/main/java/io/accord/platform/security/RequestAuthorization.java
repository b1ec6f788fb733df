package io.accord.platform.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's role rules by request, checked in the security filter before the body is read: a caller without
 * the role gets 403 whatever it sent, never a validation error that tells it what a valid request looks like.
 * Keep {@code @PreAuthorize} on the operations as well; this is the first line, not the only one.
 */
@FunctionalInterface
public interface RequestAuthorization {

    void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests);
}
