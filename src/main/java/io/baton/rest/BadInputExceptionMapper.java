package io.baton.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Answers 400 instead of 500 when the engine refused a request because of bad input, for example a
 * process started through {@code /engine-rest} whose start listener rejects its variables; and 403
 * when the REST layer wrapped a refused authorization (it answers a refused task comment with 400
 * "Not enough parameters submitted"). Every other error keeps Camunda's own mapping.
 */
@Provider
@Priority(1000)
public class BadInputExceptionMapper implements ExceptionMapper<RestException> {

  @Override
  public Response toResponse(RestException exception) {
    AuthorizationException refused = cause(exception, AuthorizationException.class);
    if (refused != null) {
      return ExceptionHandlerHelper.getInstance().getResponse(refused);
    }
    BadUserRequestException badInput = cause(exception, BadUserRequestException.class);
    if (badInput == null
        || exception.getStatus() == null
        || exception.getStatus().getStatusCode() != 500) {
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(
            Map.of(
                "type", badInput.getClass().getSimpleName(),
                "message", exception.getMessage(),
                "code", badInput.getCode()))
        .build();
  }

  private static <T extends Throwable> T cause(Throwable exception, Class<T> type) {
    for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }
}
