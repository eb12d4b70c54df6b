package org.relais.ear;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The EAR as enterprise IT deploys it: on Payara Server, with its own JDBC resource. The build's
 * {@code payara-server} profile starts the server and deploys the EAR before this test.
 */
class EarOnPayaraServerIT {

  private static final String BASE = System.getProperty("relais.server.url");
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void readinessIsUpWithTheDatabase() throws Exception {
    HttpResponse<String> ready = get("/health/ready");

    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body()).contains("\"UP\"");
  }

  @Test
  void loginPageIsServedAtTheRoot() throws Exception {
    HttpResponse<String> login = get("/login.xhtml");

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("login:account", "login:username", "login:password");
  }

  @Test
  void apiAnswersInItsErrorShape() throws Exception {
    HttpResponse<String> groups = get("/api/v1/groups");

    assertThat(groups.statusCode()).isEqualTo(401);
    assertThat(groups.body()).contains("\"error\"");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(BASE + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
