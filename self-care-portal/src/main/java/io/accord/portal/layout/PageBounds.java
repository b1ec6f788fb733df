package io.accord.portal.layout;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * One rule for every paged list ({@code ?page=}, and the second lists' {@code ?…Page=}): a value that is not a page
 * number (not a whole number from 0 to 999999: {@code abc}, {@code -1}) redirects to the first page, and a page
 * beyond the last redirects to the last one (the first when the list is empty), the other parameters kept. A list
 * says where its last page is with {@link #last}; one that does not is not bounded (it shows its empty page).
 */
public final class PageBounds implements HandlerInterceptor {

    /** The model attribute naming a list's last page (0-based). */
    public static final String LAST_PAGE = "lastPage";
    private static final Pattern PAGE_NUMBER = Pattern.compile("\\d{1,6}");

    /** Tells the bounds which is the last page of a list of {@code total} items, {@code pageSize} a page. */
    public static void last(Model model, long total, int pageSize) {
        model.addAttribute(LAST_PAGE, (int) Math.max(0, (total - 1) / pageSize));
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"GET".equals(request.getMethod())) {
            return true;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if ((name.equals("page") || name.endsWith("Page")) && parameter.getValue().length > 0
                    && !PAGE_NUMBER.matcher(parameter.getValue()[0]).matches()) {
                response.setStatus(HttpServletResponse.SC_FOUND);
                response.setHeader("Location", links(request).to(name, 0));
                return false;
            }
        }
        return true;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        if (page == null || !"GET".equals(request.getMethod()) || response.getStatus() != HttpServletResponse.SC_OK
                || !(page.getModel().get(LAST_PAGE) instanceof Integer last)) {
            return;
        }
        String asked = request.getParameter("page");
        if (asked != null && PAGE_NUMBER.matcher(asked).matches() && Integer.parseInt(asked) > last) {
            String target = links(request).to(last);
            page.clear();
            page.setViewName("redirect:" + target.substring(request.getContextPath().length()));
        }
    }

    private static PageLinks links(HttpServletRequest request) {
        return new PageLinks(request.getRequestURI(), request.getQueryString());
    }
}
