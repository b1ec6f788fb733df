package io.accord.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;

/**
 * Told of every problem answer about to be sent, whether a controller advice renders it ({@link ProblemBodies}) or
 * a security filter writes it ({@link ProblemWriter}), while the caller's security context is still in place. The
 * audit trail's record of refused requests is one.
 */
public interface ProblemListener {

    void answering(HttpServletRequest request, ProblemDetail problem);
}
