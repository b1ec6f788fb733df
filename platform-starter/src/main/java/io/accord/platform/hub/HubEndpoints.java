package io.accord.platform.hub;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Maps a {@link HubController} under each configured base path once the context is up: {@code POST/GET .../hub},
 * {@code GET/DELETE .../hub/{id}}, {@code POST .../hub/{id}/enable}. Registered with MVC's own handler mapping, so
 * they are ordinary endpoints to Spring MVC, the starter's filters and the API docs.
 */
class HubEndpoints implements SmartInitializingSingleton {

    private final RequestMappingHandlerMapping mapping;
    private final List<HubController> controllers;

    HubEndpoints(RequestMappingHandlerMapping mapping, List<HubController> controllers) {
        this.mapping = mapping;
        this.controllers = controllers;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (HubController controller : controllers) {
            String hub = controller.api() + "/hub";
            map(controller, "register", RequestMethod.POST, hub, "application/json");
            map(controller, "list", RequestMethod.GET, hub, null);
            map(controller, "get", RequestMethod.GET, hub + "/{id}", null);
            map(controller, "delete", RequestMethod.DELETE, hub + "/{id}", null);
            map(controller, "enable", RequestMethod.POST, hub + "/{id}/enable", null);
        }
    }

    private void map(HubController controller, String name, RequestMethod method, String path, String consumes) {
        Method handler = ReflectionUtils.findMethod(HubController.class, name, (Class<?>[]) null);
        if (handler == null) {
            throw new IllegalStateException("HubController has no method " + name);
        }
        RequestMappingInfo.Builder info = RequestMappingInfo.paths(path).methods(method)
                .options(mapping.getBuilderConfiguration());
        if (consumes != null) {
            info.consumes(consumes);
        }
        mapping.registerMapping(info.build(), controller, handler);
    }
}
