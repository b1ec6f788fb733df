package io.accord.platform.web;

import io.accord.platform.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a query that holds a NUL character ({@code %00}) with a 400 naming the parameter, before anything reads
 * it: no text a service stores or compares can hold NUL (PostgreSQL refuses it in any text value), so such a
 * parameter used to reach a query and fail there as a 500. {@code %00} is the only way to send NUL in a query (a raw
 * NUL byte ends the request line, which Tomcat refuses); a path is the firewall's, a body's text the problem
 * handler's ({@code ProblemExceptionHandler}, "text PostgreSQL cannot store").
 */
class NulCharacterFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    NulCharacterFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        int at = query == null ? -1 : nul(query);
        if (at < 0) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(request, response, HttpStatus.BAD_REQUEST, "malformed-request", "The query parameter '"
                + parameterAt(query, at) + "' holds a NUL character (%00), which no field can hold; remove it.");
    }

    /** Where {@code %00} starts in a raw query, or -1; {@code %2500} (an encoded "%00") is no NUL. */
    static int nul(String query) {
        for (int i = query.indexOf('%'); i >= 0 && i + 2 < query.length(); i = query.indexOf('%', i + 1)) {
            if (query.charAt(i + 1) == '0' && query.charAt(i + 2) == '0') {
                return i;
            }
        }
        return -1;
    }

    /** The decoded name of the parameter around {@code at} (NUL shown as {@code %00}), for the message. */
    static String parameterAt(String query, int at) {
        int start = query.lastIndexOf('&', at) + 1;
        int end = query.indexOf('&', at);
        String pair = query.substring(start, end < 0 ? query.length() : end);
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        try {
            name = URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException undecodable) {
            // shown as sent
        }
        name = name.replace("\u0000", "%00");
        return name.length() > 100 ? name.substring(0, 100) + "..." : name;
    }
}
