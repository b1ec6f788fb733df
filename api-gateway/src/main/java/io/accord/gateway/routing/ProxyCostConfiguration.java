package io.accord.gateway.routing;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.client.HttpClient;

import java.util.List;

/**
 * What proxying costs per request, measured with {@code ./accord bench gateway} and JFR (docs/architecture.md,
 * "Gateway overhead"): Spring Cloud Gateway's routing filter runs {@link ProxiedHeaders}' two filters instead of
 * its six default header filters, which copied every header once each.
 */
@Configuration(proxyBeanMethods = false)
class ProxyCostConfiguration {

    private static final Log log = LogFactory.getLog(ProxyCostConfiguration.class);

    @Bean
    static BeanPostProcessor singlePassProxiedHeaders(ObjectProvider<HttpClient> httpClient,
                                                      ObjectProvider<List<HttpHeadersFilter>> headersFilters,
                                                      ObjectProvider<HttpClientProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof NettyRoutingFilter && !(bean instanceof SinglePassRoutingFilter)
                        ? new SinglePassRoutingFilter(httpClient.getObject(), headersFilters, properties.getObject())
                        : bean;
            }
        };
    }

    /**
     * The gateway's routing filter with {@link ProxiedHeaders} in place of the default header filters, when the
     * filters configured are exactly those defaults; any other set (trusted proxies, which add X-Forwarded-*
     * headers, or gateway observations) is left as Spring Cloud Gateway has it.
     */
    static final class SinglePassRoutingFilter extends NettyRoutingFilter {

        private volatile List<HttpHeadersFilter> filters;

        SinglePassRoutingFilter(HttpClient httpClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
                                HttpClientProperties properties) {
            super(httpClient, headersFilters, properties);
        }

        @Override
        public List<HttpHeadersFilter> getHeadersFilters() {
            List<HttpHeadersFilter> chosen = filters;
            if (chosen == null) {
                List<HttpHeadersFilter> configured = super.getHeadersFilters();
                chosen = ProxiedHeaders.canReplace(configured) ? ProxiedHeaders.filters() : configured;
                if (chosen == configured) {
                    log.info("Header filters other than Spring Cloud Gateway's defaults are configured; proxying "
                            + "with " + configured);
                }
                filters = chosen;
            }
            return chosen;
        }
    }
}
