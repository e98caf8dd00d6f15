package io.baton.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Verifies an export of the case trail offline, without Baton or its database:
 *
 * <pre>
 * java -Dloader.main=io.baton.audit.TrailVerifier -jar baton.jar trail.jsonl
 * </pre>
 *
 * Prints how many entries verified, or the first entry that does not, and exits 0 or 1.
 */
public final class TrailVerifier {

  private TrailVerifier() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: TrailVerifier <export.jsonl>");
      System.exit(2);
    }
    TrailVerification result;
    try (BufferedReader lines = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      result = verify(lines);
    }
    if (result.intact()) {
      System.out.println(result.entries() + " entries verified: every hash and every link holds");
    } else {
      System.out.println("NOT INTACT after " + result.entries() + " entries: " + result.problem());
      System.exit(1);
    }
  }

  /** Verifies JSON Lines as {@code GET /api/audit/export?format=jsonl} writes them. */
  public static TrailVerification verify(Reader jsonLines) throws IOException {
    TrailChain chain = TrailChain.fromAnyEntry();
    BufferedReader reader =
        jsonLines instanceof BufferedReader buffered ? buffered : new BufferedReader(jsonLines);
    String line;
    while ((line = reader.readLine()) != null) {
      if (!line.isBlank()) {
        chain.accept(entry(TrailHash.readTree(line)));
      }
    }
    return chain.result();
  }

  private static TrailEntry entry(JsonNode line) {
    return new TrailEntry(
        line.path("processInstanceId").asText(),
        line.path("seq").asInt(),
        Instant.parse(line.path("recordedAt").asText()),
        line.path("kind").asText(),
        line.path("actor").asText(),
        text(line, "activityId"),
        text(line, "model"),
        line.path("aiGenerated").asBoolean(),
        text(line, "sourceRef"),
        line.hasNonNull("payload") ? line.path("payload").toString() : null,
        text(line, "payloadSha256"),
        text(line, "erasedBy"),
        line.path("prevHash").asText(),
        line.path("hash").asText());
  }

  private static String text(JsonNode line, String field) {
    JsonNode value = line.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
