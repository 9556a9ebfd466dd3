package ai.iceos.blueprint.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Paths match with or without a trailing slash (SPEC §3). */
class TrailingSlashFilter {
  @ServerRequestFilter(preMatching = true)
  void strip(ContainerRequestContext request) {
    String path = request.getUriInfo().getRequestUri().getRawPath();
    if (path.length() > 1 && path.endsWith("/")) {
      String stripped = path.replaceAll("/+$", "");
      request.setRequestUri(
          request.getUriInfo().getRequestUriBuilder().replacePath(stripped).build());
    }
  }
}
