package com.goodfit.sync.admin;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The admin API's web set-up, present only when {@code serve} runs the web server: the bearer-token filter in front
 * of every path (API, OpenAPI description, Actuator).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class AdminApiConfiguration {

    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(AdminProperties properties) {
        String token = properties.token();
        if (token == null || token.isBlank()) {
            throw new UserFacingException("the admin API needs a bearer token: set the environment variable "
                    + "GOODFIT_ADMIN_TOKEN (at least 16 characters) before 'serve'");
        }
        if (token.length() < 16) {
            throw new UserFacingException("GOODFIT_ADMIN_TOKEN is too short: use at least 16 random characters");
        }
        FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(
                new BearerTokenFilter(token));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    OpenAPI adminOpenApi() {
        return new OpenAPI()
            .info(new Info().title("goodfit-sync admin API")
                .description("Launch and follow syncs from PostgreSQL into Salesforce. Every endpoint needs "
                        + "'Authorization: Bearer <GOODFIT_ADMIN_TOKEN>'.")
                .version("1"))
            .components(new Components().addSecuritySchemes("bearer",
                    new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
    }

}
