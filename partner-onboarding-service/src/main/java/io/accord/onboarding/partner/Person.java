package io.accord.onboarding.partner;

/**
 * Someone acting on a partner: the token's immutable subject, which tells people apart, and the user name to show.
 */
public record Person(String subject, String username) {
}
