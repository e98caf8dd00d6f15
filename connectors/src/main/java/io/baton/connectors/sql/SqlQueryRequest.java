package io.baton.connectors.sql;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.baton.connectors.JsonTextOrValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Input of the {@code sql} connector.
 *
 * @param dataSource the name of a configured data source ({@code baton.tools.sql.<name>.url})
 * @param query one SELECT with named parameters, such as {@code SELECT warehouse, on_hand FROM
 *     inventory WHERE sku = :sku}; values never go into the text
 * @param parameters the values of the query's named parameters; a list fills {@code IN (:skus)}
 */
public record SqlQueryRequest(
    @NotBlank @Size(max = 100) String dataSource,
    @NotBlank @Size(max = 20_000) String query,
    @JsonDeserialize(using = JsonTextOrValue.class) Map<@NotBlank String, Object> parameters) {

  public SqlQueryRequest {
    parameters = parameters == null ? Map.of() : parameters;
  }
}
