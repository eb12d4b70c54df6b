package org.relais.web.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Black-box tests against the WAR the build made, deployed as it is on Payara Micro (with H2 or
 * PostgreSQL, as the Failsafe execution says). Each test class boots one Micro, so classes are few
 * and broad; tests stay independent by working in an account of their own.
 */
public abstract class RelaisDeployment extends DeployedRelais {

  @Deployment(testable = false)
  public static WebArchive relais() {
    return builtWar();
  }
}
