package org.relais.web.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document served at {@code /openapi} ({@code mp.openapi.filter}) so that it
 * generates a working client: the resources' scan gives each operation its Java method's name
 * ({@code list}, {@code create}... in several resources) and untyped bodies; this gives it the id,
 * summary, tag and request schema of {@link ApiOperations}, and the error answers of the API's
 * error shape. The server is named relatively, so that the document holds wherever it is served.
 * What the annotations of a resource say (a summary, a response) is kept.
 */
public class OpenApiDocument implements OASFilter {

  /** The errors any operation may answer, beside those that depend on its shape. */
  private static final Map<String, String> ALWAYS =
      Map.of("401", "Unauthorized", "403", "Forbidden");

  @Override
  public void filterOpenAPI(OpenAPI api) {
    api.setServers(List.of(OASFactory.createServer().url("/")));
    dropEndpoints(api);
    if (api.getPaths() == null) {
      return;
    }
    api.getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations()
                    .forEach(
                        (method, operation) ->
                            ApiOperations.of(method.name(), path)
                                .ifPresent(
                                    described -> describe(operation, method, path, described))));
  }

  private static void describe(
      Operation operation,
      PathItem.HttpMethod method,
      String path,
      ApiOperations.Described described) {
    operation.setOperationId(described.id());
    operation.setTags(List.of(described.tag()));
    if (operation.getSummary() == null || operation.getSummary().isBlank()) {
      operation.setSummary(described.summary());
    }
    if (described.body() != null) {
      operation.setRequestBody(body(operation.getRequestBody(), described.body()));
    }
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    ALWAYS.forEach((code, name) -> error(operation.getResponses(), code, name));
    if (path.contains("{")) {
      error(responses, "404", "NotFound");
    }
    boolean hasParameters =
        operation.getParameters() != null && !operation.getParameters().isEmpty();
    if (described.body() != null || hasParameters) {
      error(responses, "400", "BadRequest");
    }
    if (described.body() != null) {
      error(responses, "413", "TooLarge");
    }
    if (method != PathItem.HttpMethod.GET) {
      error(responses, "409", "Conflict");
    }
  }

  /**
   * Payara adds a member of its own, {@code endpoints} (each application's paths), which an OpenAPI
   * 3.0 document may not have: validators refuse it, and {@code paths} say the same. Payara writes
   * no empty member.
   */
  private static void dropEndpoints(OpenAPI api) {
    try {
      api.getClass().getMethod("setEndpoints", Map.class).invoke(api, new HashMap<>());
    } catch (NoSuchMethodException e) {
      // Another implementation of MicroProfile OpenAPI: nothing to drop.
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot drop Payara's endpoints member", e);
    }
  }

  /** The scanned body's media types (from {@code @Consumes}), each with the described schema. */
  private static RequestBody body(RequestBody scanned, String schema) {
    Content content = scanned == null ? null : scanned.getContent();
    if (content == null || content.getMediaTypes().isEmpty()) {
      content = OASFactory.createContent().addMediaType("application/json", null);
    }
    Content typed = OASFactory.createContent();
    for (String type : content.getMediaTypes().keySet()) {
      MediaType media =
          OASFactory.createMediaType()
              .schema(OASFactory.createSchema().ref("#/components/schemas/" + schema));
      typed.addMediaType(type, media);
    }
    return OASFactory.createRequestBody().content(typed).required(true);
  }

  private static void error(APIResponses responses, String code, String name) {
    if (!responses.hasAPIResponse(code)) {
      responses.addAPIResponse(
          code, OASFactory.createAPIResponse().ref("#/components/responses/" + name));
    }
  }
}
