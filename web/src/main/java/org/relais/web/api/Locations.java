package org.relais.web.api;

import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;

/** Where a created resource lives, relative to the API's base. */
final class Locations {

  private Locations() {}

  /**
   * The resource {@code name} of a collection, its name encoded as a path segment: a name may hold
   * spaces, accents or a slash.
   */
  static URI of(String collection, Object name) {
    return UriBuilder.fromPath(collection).segment(String.valueOf(name)).build();
  }
}
