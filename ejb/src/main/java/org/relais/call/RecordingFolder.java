package org.relais.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where call recordings live (SPEC B13): {@code recordings} under the data folder, {@code
 * relais.data-folder} ({@code relais-data} in the server's working directory by default).
 */
@ApplicationScoped
public class RecordingFolder {

  @Inject
  @ConfigProperty(name = "relais.data-folder", defaultValue = "relais-data")
  String dataFolder;

  public Path root() {
    return Path.of(dataFolder, "recordings").toAbsolutePath();
  }

  /** A recording's file, from the name its row keeps. */
  public Path of(Recording recording) {
    return root().resolve(recording.getFile());
  }
}
