package org.relais.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every operation the resources serve is described for the OpenAPI document, and only those. */
class ApiOperationsTest {

  private static final Map<Class<? extends Annotation>, String> METHODS =
      Map.of(GET.class, "GET", POST.class, "POST", PUT.class, "PUT", DELETE.class, "DELETE");

  @Test
  void everyResourceMethodIsDescribed() throws Exception {
    Set<String> served = served();

    assertThat(served).isNotEmpty();
    assertThat(ApiOperations.all().keySet()).containsExactlyInAnyOrderElementsOf(served);
  }

  @Test
  void operationIdsAreUniqueAndSummariesShort() {
    List<ApiOperations.Described> all = List.copyOf(ApiOperations.all().values());

    assertThat(all.stream().map(ApiOperations.Described::id)).doesNotHaveDuplicates();
    assertThat(all).allSatisfy(d -> assertThat(d.summary()).isNotBlank().hasSizeLessThan(60));
  }

  /** "GET /api/v1/groups/{name}" for each resource method, read from the compiled classes. */
  private static Set<String> served() throws IOException, URISyntaxException {
    String root = RestApplication.class.getAnnotation(ApplicationPath.class).value();
    // The main classes' folder: the test classes have a folder of the same package.
    java.nio.file.Path folder =
        java.nio.file.Path.of(
                RestApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve(RestApplication.class.getPackageName().replace('.', '/'));
    Set<String> served = new TreeSet<>();
    try (Stream<java.nio.file.Path> files = Files.list(folder)) {
      for (String name :
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".class") && !n.contains("$"))
              .collect(Collectors.toList())) {
        Class<?> type = load(name.substring(0, name.length() - ".class".length()));
        Path base = type.getAnnotation(Path.class);
        if (base == null) {
          continue;
        }
        for (Method method : type.getMethods()) {
          for (var http : METHODS.entrySet()) {
            if (method.isAnnotationPresent(http.getKey())) {
              Path sub = method.getAnnotation(Path.class);
              served.add(http.getValue() + " " + join(root, base.value(), sub));
            }
          }
        }
      }
    }
    return served;
  }

  private static String join(String root, String base, Path sub) {
    String path = "/" + root + "/" + base + (sub == null ? "" : "/" + sub.value());
    return path.replaceAll("/+", "/").replaceAll("/$", "");
  }

  private static Class<?> load(String simpleName) {
    try {
      return Class.forName(RestApplication.class.getPackageName() + "." + simpleName);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
