package io.baton.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * HTTP/1.1 over a socket bound to a chosen local address, so a test can be another source than
 * 127.0.0.1 (Java's HttpClient cannot bind a local address).
 */
final class RawHttp {

  record Response(int status, Map<String, String> headers, List<String> setCookies, String body) {

    /** The cookies this response set, as a {@code Cookie} request header. */
    String cookies() {
      return setCookies.stream().map(c -> c.split(";", 2)[0]).collect(Collectors.joining("; "));
    }

    String cookie(String name) {
      return setCookies.stream()
          .map(c -> c.split(";", 2)[0])
          .filter(c -> c.startsWith(name + "="))
          .map(c -> c.substring(name.length() + 1))
          .findFirst()
          .orElse("");
    }
  }

  private final String localAddress;
  private final int port;

  RawHttp(String localAddress, int port) {
    this.localAddress = localAddress;
    this.port = port;
  }

  Response basic(String method, String path, String user, String password) throws IOException {
    String credentials =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return send(method, path, Map.of("Authorization", "Basic " + credentials), null, null);
  }

  Response send(
      String method, String path, Map<String, String> headers, String contentType, String body)
      throws IOException {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder request = new StringBuilder();
    request.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    request.append("Host: 127.0.0.1:").append(port).append("\r\n");
    request.append("Connection: close\r\n");
    headers.forEach(
        (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    if (contentType != null) {
      request.append("Content-Type: ").append(contentType).append("\r\n");
    }
    request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().write(content);
      socket.getOutputStream().flush();
      return parse(socket.getInputStream());
    }
  }

  private static Response parse(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String[] lines = text.substring(0, end).split("\r\n");
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    List<String> cookies = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      String name = lines[i].substring(0, colon).trim();
      String value = lines[i].substring(colon + 1).trim();
      headers.put(name, value);
      if (name.equalsIgnoreCase("Set-Cookie")) {
        cookies.add(value);
      }
    }
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    return new Response(status, headers, cookies, text.substring(end + 4));
  }
}
