package io.baton.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Writes the trail entries of a period as JSON Lines (one entry an object per line, the form {@link
 * TrailVerifier} checks offline) or as CSV (one row an entry, the payload as its JSON text), entry
 * by entry from a database cursor.
 */
final class TrailExport {

  enum Format {
    JSONL("application/x-ndjson", "jsonl"),
    CSV("text/csv", "csv");

    final String mediaType;
    final String extension;

    Format(String mediaType, String extension) {
      this.mediaType = mediaType;
      this.extension = extension;
    }

    static Format parse(String text) {
      for (Format format : values()) {
        if (format.extension.equalsIgnoreCase(text)) {
          return format;
        }
      }
      throw new IllegalArgumentException("format must be jsonl or csv, not '%s'".formatted(text));
    }
  }

  static final ObjectMapper JSON =
      JsonMapper.builder()
          .findAndAddModules()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private static final CsvMapper CSV = csvMapper();
  private static final CsvSchema CSV_SCHEMA =
      CSV.schemaFor(CsvRow.class).withHeader().withColumnReordering(false);

  private TrailExport() {}

  /** Writes what {@code queries} streams for the period to {@code out}; returns the count. */
  static long write(TrailQueries queries, Instant from, Instant to, Format format, OutputStream out)
      throws IOException {
    try (SequenceWriter writer = writer(format, out)) {
      return queries.stream(
          from,
          to,
          entry -> {
            try {
              writer.write(format == Format.CSV ? CsvRow.of(entry) : entry);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static SequenceWriter writer(Format format, OutputStream out) throws IOException {
    if (format == Format.CSV) {
      return CSV.writer(CSV_SCHEMA).writeValues(out);
    }
    return JSON.writer().withRootValueSeparator("\n").writeValues(out);
  }

  private static CsvMapper csvMapper() {
    CsvMapper mapper = CsvMapper.builder().findAndAddModules().build();
    mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    return mapper;
  }

  /** A CSV row: the entry's fields in a fixed order, the payload as its canonical JSON text. */
  @com.fasterxml.jackson.annotation.JsonPropertyOrder({
    "processInstanceId",
    "seq",
    "recordedAt",
    "kind",
    "actor",
    "activityId",
    "model",
    "aiGenerated",
    "sourceRef",
    "payload",
    "payloadSha256",
    "erasedBy",
    "prevHash",
    "hash"
  })
  record CsvRow(
      String processInstanceId,
      int seq,
      String recordedAt,
      String kind,
      String actor,
      String activityId,
      String model,
      boolean aiGenerated,
      String sourceRef,
      String payload,
      String payloadSha256,
      String erasedBy,
      String prevHash,
      String hash) {

    static CsvRow of(TrailEntry entry) {
      return new CsvRow(
          entry.processInstanceId(),
          entry.seq(),
          entry.recordedAt().toString(),
          entry.kind(),
          entry.actor(),
          entry.activityId(),
          entry.model(),
          entry.aiGenerated(),
          entry.sourceRef(),
          entry.payload(),
          entry.payloadSha256(),
          entry.erasedBy(),
          entry.prevHash(),
          entry.hash());
    }

    TrailEntry entry() {
      return new TrailEntry(
          processInstanceId,
          seq,
          Instant.parse(recordedAt),
          kind,
          actor,
          emptyAsNull(activityId),
          emptyAsNull(model),
          aiGenerated,
          emptyAsNull(sourceRef),
          emptyAsNull(payload),
          payloadSha256,
          emptyAsNull(erasedBy),
          prevHash,
          hash);
    }

    private static String emptyAsNull(String text) {
      return text == null || text.isEmpty() ? null : text;
    }
  }
}
