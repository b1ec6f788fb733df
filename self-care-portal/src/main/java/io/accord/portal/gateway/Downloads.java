package io.accord.portal.gateway;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Downloads ({@link Gateway#download}) are written to the browser after the request's thread has returned, as the
 * browser reads them: each on its own virtual thread (not a small shared pool, so one slow download delays no
 * other), for at most the download timeout.
 */
@Configuration(proxyBeanMethods = false)
class Downloads implements WebMvcConfigurer {

    private final GatewayProperties properties;

    Downloads(GatewayProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("portal-download-");
        executor.setVirtualThreads(true);
        configurer.setTaskExecutor(executor);
        configurer.setDefaultTimeout(properties.downloadTimeout().toMillis());
    }
}
