package org.relais.web.it;

import java.io.File;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that talks to Relais deployed by Arquillian on Payara Micro, over HTTP. Its subclass
 * says what is deployed: {@link RelaisDeployment} the WAR as the build made it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class DeployedRelais {

  @ArquillianResource private URL deploymentUrl;

  /** The WAR the build made (with H2 or PostgreSQL, as the Failsafe execution says). */
  static WebArchive builtWar() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("relais.war")));
  }

  /**
   * The application's base URL, always ending with '/'. Micro may report the machine's external
   * address with --nocluster: tests talk to the loopback address.
   */
  protected String baseUrl() {
    URI uri = URI.create(deploymentUrl.toString());
    String path = uri.getPath().endsWith("/") ? uri.getPath() : uri.getPath() + "/";
    return "http://127.0.0.1:" + uri.getPort() + path;
  }

  protected Api api() {
    return new Api(baseUrl());
  }
}
