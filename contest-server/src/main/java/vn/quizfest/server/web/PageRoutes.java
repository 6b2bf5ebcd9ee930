package vn.quizfest.server.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Page routes: the player page at / and at the QR link /join/{pin} (the same page, which reads the
 * PIN from the address), the contest page at the contest's public link /c/{slug} (it reads the slug
 * from the address), the organiser console at /admin/ (its files come from the admin-ui module).
 */
@Configuration(proxyBeanMethods = false)
class PageRoutes implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/join/{pin}").setViewName("forward:/index.html");
		registry.addRedirectViewController("/join", "/");
		registry.addViewController("/c/{slug}").setViewName("forward:/contest/index.html");
		registry.addRedirectViewController("/admin", "/admin/");
		registry.addViewController("/admin/").setViewName("forward:/admin/index.html");
	}
}
