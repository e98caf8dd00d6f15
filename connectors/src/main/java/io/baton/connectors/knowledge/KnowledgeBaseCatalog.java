package io.baton.connectors.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.StringUtils;

/**
 * The knowledge bases found at {@code baton.knowledge.location}, read once at start-up. A knowledge
 * base is a folder; its id is the folder's name and its documents are the {@code .md}, {@code
 * .markdown} and {@code .txt} files in it. Other files are ignored.
 */
public class KnowledgeBaseCatalog {

  private static final Set<String> DOCUMENT_TYPES = Set.of("md", "markdown", "txt");

  private final Map<String, KnowledgeBase> bases = new TreeMap<>();

  public KnowledgeBaseCatalog(String locationPattern) {
    Resource[] resources;
    try {
      resources = new PathMatchingResourcePatternResolver().getResources(locationPattern);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list knowledge bases at " + locationPattern, e);
    }
    Map<String, Map<String, String>> documents = new TreeMap<>();
    for (Resource resource : resources) {
      String[] path = path(resource);
      if (path.length < 2 || !DOCUMENT_TYPES.contains(extension(path[path.length - 1]))) {
        continue;
      }
      String base = path[path.length - 2];
      String file = path[path.length - 1];
      String text = read(resource);
      String earlier =
          documents.computeIfAbsent(base, b -> new TreeMap<>()).putIfAbsent(file, text);
      if (earlier != null && !earlier.equals(text)) {
        throw new IllegalStateException(
            "knowledge base '%s' has document %s twice, differently (again in %s)"
                .formatted(base, file, resource));
      }
    }
    documents.forEach(
        (id, files) -> {
          List<Passage> passages = new ArrayList<>();
          files.forEach((file, text) -> passages.addAll(PassageSplitter.split(file, text)));
          if (!passages.isEmpty()) {
            bases.put(id, new KnowledgeBase(id, passages));
          }
        });
  }

  public KnowledgeBase get(String id) {
    KnowledgeBase base = bases.get(id);
    if (base == null) {
      throw new IllegalArgumentException(
          "no knowledge base '%s': the known knowledge bases are %s".formatted(id, bases.keySet()));
    }
    return base;
  }

  public Set<String> ids() {
    return bases.keySet();
  }

  private static String[] path(Resource resource) {
    try {
      return StringUtils.uriDecode(resource.getURL().getPath(), StandardCharsets.UTF_8).split("/");
    } catch (IOException e) {
      String name = resource.getFilename();
      return name == null ? new String[0] : new String[] {name};
    }
  }

  private static String extension(String file) {
    int dot = file.lastIndexOf('.');
    return dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String read(Resource resource) {
    try {
      return resource.getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read knowledge-base document " + resource, e);
    }
  }
}
